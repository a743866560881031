// ECharts, tree-shaken to what the record pages draw: line charts on a time axis with a shaded reference range, a
// tooltip, drawn as SVG. The build keeps all of it (and this folder) in its own `charts` chunk, loaded only by the
// pages that show a chart (vite.config.ts).
import { init, use, type ComposeOption, type ECharts } from 'echarts/core'
import { LineChart, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, TooltipComponent, MarkAreaComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkAreaComponentOption
>
export type Chart = ECharts

/** A chart drawn as SVG in `el`. */
export function createChart(el: HTMLElement): Chart {
  return init(el, null, { renderer: 'svg' })
}
