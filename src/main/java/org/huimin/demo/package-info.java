/**
 * Demo data (示例数据): a fictional county's institutions, practitioners, residents and staff accounts, loaded once on
 * the first start of the embedded default ({@code huimin.demo.enabled}). Uses only the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.huimin.demo;
