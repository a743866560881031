package org.huimin.directory;

/** A department of an organisation, with its standard code (诊疗科目代码) and the name the organisation uses. */
public record Department(String code, String name) {
}
