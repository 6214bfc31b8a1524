package org.jobsearch.resume.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** {@code YYYYMMDD_company_title.pdf}: spaces become {@code _}; only letters, digits, {@code _ - &} are kept. */
public final class ResumeFileName {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ResumeFileName() {
    }

    public static String of(LocalDate day, String company, String title) {
        String name = DAY.format(day) + "_" + part(company) + "_" + part(title);
        return name.replaceAll("_{2,}", "_").replaceAll("_$", "") + ".pdf";
    }

    private static String part(String text) {
        String cleaned = (text == null ? "" : text.strip()).replaceAll("\\s+", "_")
                .replaceAll("[^\\p{L}\\p{N}_&-]", "");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
