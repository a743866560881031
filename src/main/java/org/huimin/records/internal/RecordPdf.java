package org.huimin.records.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.huimin.records.RecordKind;
import org.huimin.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The record as a PDF (健康档案 PDF): the resident's name, the institutions, then every item by kind, newest first,
 * with its value, flag and source institution. Chinese text needs a CJK TrueType font: {@code huimin.records.pdf-font}
 * names one (a .ttf, or a .ttc with {@code #index}); otherwise common system fonts are tried (Droid Sans Fallback,
 * WenQuanYi, Noto CJK, SimSun, Microsoft YaHei, PingFang). Without any, the download answers 503 and says so.
 */
@Service
public class RecordPdf {

    private static final Logger log = LoggerFactory.getLogger(RecordPdf.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);
    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc", "C:/Windows/Fonts/simsun.ttc", "C:/Windows/Fonts/msyh.ttc",
            "/System/Library/Fonts/PingFang.ttc", "/Library/Fonts/Arial Unicode.ttf");
    private static final float MARGIN = 48;
    private static final Map<RecordKind, String> KIND_NAMES = Map.ofEntries(Map.entry(RecordKind.VISIT, "就诊"),
            Map.entry(RecordKind.DIAGNOSIS, "诊断"), Map.entry(RecordKind.LAB, "检验"), Map.entry(RecordKind.VITAL, "体征"),
            Map.entry(RecordKind.IMAGING, "影像"), Map.entry(RecordKind.REPORT, "报告"),
            Map.entry(RecordKind.MEDICATION, "用药"), Map.entry(RecordKind.IMMUNIZATION, "疫苗接种"),
            Map.entry(RecordKind.ALLERGY, "过敏"), Map.entry(RecordKind.PROCEDURE, "手术操作"),
            Map.entry(RecordKind.CARE_PLAN, "健康计划"), Map.entry(RecordKind.DOCUMENT, "文档"),
            Map.entry(RecordKind.BILLING, "费用"), Map.entry(RecordKind.OTHER, "其他"));

    private final RecordViews views;
    private final String configuredFont;
    private volatile Optional<FontSource> font;

    RecordPdf(RecordViews views, @Value("${huimin.records.pdf-font:}") String configuredFont) {
        this.views = views;
        this.configuredFont = configuredFont;
    }

    /** Where the font comes from: a file, and the font's index when the file is a collection. */
    record FontSource(File file, int index) {
    }

    public byte[] render(UUID residentId) {
        FontSource source = font().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "pdf-font-missing", "records.pdf-font-missing"));
        RecordViews.Export export = views.export(residentId, "pdf");
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = load(doc, source);
            Writer w = new Writer(doc, f);
            RecordViews.Summary s = export.summary();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("健康档案");
            info.setCreator("Huimin");
            w.line("居民健康档案", 18, 6);
            w.line("姓名：" + (s.name() == null ? "" : s.name()) + "    生成时间：" + DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA).format(Instant.now()), 10, 2);
            w.line("记录来源：" + String.join("、", s.organizations().stream()
                    .map(o -> o.name() == null ? "?" : o.name()).toList()), 10, 2);
            w.line("共 " + export.items().size() + " 条记录。本文件含个人健康信息，请妥善保管。", 9, 10);
            Map<RecordKind, List<RecordViews.Item>> byKind = new java.util.EnumMap<>(RecordKind.class);
            for (RecordViews.Item i : export.items()) {
                byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<RecordKind, List<RecordViews.Item>> e : byKind.entrySet()) {
                w.gap(6);
                w.line(KIND_NAMES.getOrDefault(e.getKey(), e.getKey().name()) + "（" + e.getValue().size() + "）", 13,
                        4);
                for (RecordViews.Item i : e.getValue()) {
                    StringBuilder text = new StringBuilder();
                    text.append(i.date() == null ? "——" : DAY.format(i.date())).append("  ")
                            .append(i.title() == null ? "" : i.title());
                    if (i.value() != null) {
                        text.append("  ").append(i.value()).append(i.unit() == null ? "" : " " + i.unit());
                    }
                    if (i.flag() != null && !"N".equals(i.flag())) {
                        text.append("  ").append(switch (i.flag()) {
                            case "H" -> "偏高";
                            case "L" -> "偏低";
                            default -> "异常";
                        });
                    }
                    if (i.referenceRange() != null) {
                        text.append("  参考范围 ").append(i.referenceRange());
                    }
                    if (i.detail() != null) {
                        text.append("  ").append(i.detail());
                    }
                    if (i.recognised()) {
                        text.append("  [互认]");
                    }
                    w.line(text.toString(), 9.5f, 0);
                    w.line("    " + (i.organizationName() == null ? "" : i.organizationName())
                            + (i.author() == null ? "" : " · " + i.author()), 8, 3);
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
    }

    /**
     * Lays lines out top-down, wrapping at the page width and starting new pages. Latin text is set in Helvetica,
     * everything else in the CJK font (fallback fonts such as Droid Sans Fallback have no Latin glyphs); a character
     * neither can draw becomes "?" instead of failing the download.
     */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font cjk;
        private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final Map<Integer, PDFont> fonts = new HashMap<>();
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        private static final Map<Integer, String> SUBSTITUTES = Map.of(0x2264, "<=", 0x2265, ">=", 0x2013, "-",
                0x2014, "-", 0x2026, "...", 0x2191, "^", 0x2193, "v", 0x00B7, "-", 0x2022, "-");

        /** A piece of a line in one font. */
        private record Run(PDFont font, String text) {
        }

        Writer(PDDocument doc, PDType0Font cjk) throws IOException {
            this.doc = doc;
            this.cjk = cjk;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, float after) throws IOException {
            for (List<Run> runs : wrap(text, size)) {
                if (y - size * 1.35f < MARGIN) {
                    newPage();
                }
                y -= size * 1.35f;
                cs.beginText();
                cs.newLineAtOffset(MARGIN, y);
                for (Run r : runs) {
                    cs.setFont(r.font(), size);
                    cs.showText(r.text());
                }
                cs.endText();
            }
            y -= after;
        }

        private PDFont fontFor(int cp) {
            return fonts.computeIfAbsent(cp, c -> {
                String ch = new String(Character.toChars(c));
                for (PDFont f : c < 0x2000 ? List.of(latin, cjk) : List.<PDFont>of(cjk, latin)) {
                    try {
                        f.encode(ch);
                        return f;
                    } catch (IllegalArgumentException | IOException e) {
                        // not in this font
                    }
                }
                return null;
            });
        }

        private List<List<Run>> wrap(String text, float size) throws IOException {
            List<List<Run>> lines = new ArrayList<>();
            List<Run> line = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            PDFont runFont = null;
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                PDFont f = fontFor(cp);
                String ch = new String(Character.toChars(cp));
                if (f == null) {
                    // symbols that neither font has (fallback CJK fonts lack many): a plain equivalent, else "?"
                    f = latin;
                    ch = SUBSTITUTES.getOrDefault(cp, "?");
                }
                float w = f.getStringWidth(ch) / 1000 * size;
                if (used + w > width && (run.length() > 0 || !line.isEmpty())) {
                    if (run.length() > 0) {
                        line.add(new Run(runFont, run.toString()));
                        run.setLength(0);
                    }
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                }
                if (f != runFont && run.length() > 0) {
                    line.add(new Run(runFont, run.toString()));
                    run.setLength(0);
                }
                runFont = f;
                run.append(ch);
                used += w;
            }
            if (run.length() > 0) {
                line.add(new Run(runFont, run.toString()));
            }
            lines.add(line);
            return lines;
        }

        void close() throws IOException {
            cs.close();
        }
    }

    private Optional<FontSource> font() {
        Optional<FontSource> f = font;
        if (f == null) {
            f = findFont();
            font = f;
            f.ifPresentOrElse(s -> log.info("Health-record PDFs use the font {} (index {})", s.file(), s.index()),
                    () -> log.warn("No CJK font for health-record PDFs: set huimin.records.pdf-font or install "
                            + "fonts-droid-fallback, fonts-wqy-microhei or fonts-noto-cjk"));
        }
        return f;
    }

    private Optional<FontSource> findFont() {
        List<String> paths = new ArrayList<>();
        if (configuredFont != null && !configuredFont.isBlank()) {
            paths.add(configuredFont.strip());
        }
        paths.addAll(CANDIDATES);
        for (String p : paths) {
            int hash = p.lastIndexOf('#');
            String path = hash > 0 ? p.substring(0, hash) : p;
            File file = new File(path);
            if (!file.isFile()) {
                continue;
            }
            int count = path.toLowerCase(Locale.ROOT).endsWith(".ttc") ? 8 : 1;
            for (int index = hash > 0 ? Integer.parseInt(p.substring(hash + 1)) : 0; index < count; index++) {
                FontSource candidate = new FontSource(file, index);
                try (PDDocument probe = new PDDocument()) {
                    PDType0Font f = load(probe, candidate);
                    f.encode("居民健康档案互认");
                    return Optional.of(candidate);
                } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
                    log.debug("font {}#{} cannot be used: {}", path, index, e.toString());
                }
                if (hash > 0) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static PDType0Font load(PDDocument doc, FontSource source) throws IOException {
        if (source.file().getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(source.file());
            List<TrueTypeFont> fonts = new ArrayList<>();
            collection.processAllFonts(fonts::add);
            if (source.index() >= fonts.size()) {
                throw new IOException("no font " + source.index() + " in " + source.file());
            }
            return PDType0Font.load(doc, fonts.get(source.index()), true);
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(source.file()));
        return PDType0Font.load(doc, ttf, true);
    }
}
