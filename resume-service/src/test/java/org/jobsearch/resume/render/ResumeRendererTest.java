package org.jobsearch.resume.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderer alone: one page, text layer in order, style stepping, inert user text, embedded Carlito. */
class ResumeRendererTest {

    static final ResumeRenderer RENDERER = new ResumeRenderer();

    @ParameterizedTest
    @EnumSource(ResumeTemplate.class)
    void fourRolesTwentyBullets_fitOnePageInStandard_andReadBackInOrder(ResumeTemplate template) throws IOException {
        ResumeDocument resume = ResumeDocumentTestData.resume(4, 5);

        ResumeRenderer.Rendered rendered = RENDERER.render(resume, template);

        assertThat(rendered.style()).isEqualTo(ResumeTemplate.Style.STANDARD);
        assertThat(ResumeRenderer.pageCount(rendered.pdf())).isEqualTo(1);
        String text = normalized(text(rendered.pdf()));
        assertThat(text).contains("Sam Rivera", "sam.rivera@example.com", "(555) 010-0142",
                "Jan 2022 – Present", "Company 1 | Denver, CO");
        List<String> bullets = resume.roles().stream().flatMap(r -> r.bullets().stream()).toList();
        assertThat(bullets).hasSize(20);
        int at = text.indexOf("Sam Rivera");
        for (String bullet : bullets) {
            int found = text.indexOf(bullet, at);
            assertThat(found).as("bullet after the one before it: %s", bullet).isGreaterThan(at);
            at = found;
        }
        assertThat(text).contains("Cloud & Infrastructure: AWS, Kubernetes, EKS, Terraform");
    }

    @ParameterizedTest
    @EnumSource(ResumeTemplate.class)
    void longerResume_fitsOnlyInDense(ResumeTemplate template) {
        ResumeDocument resume = ResumeDocumentTestData.resume(5, 8);

        assertThat(ResumeRenderer.pageCount(RENDERER.render(resume, template, ResumeTemplate.Style.STANDARD)))
                .isGreaterThan(1);
        assertThat(ResumeRenderer.pageCount(RENDERER.render(resume, template, ResumeTemplate.Style.COMPACT)))
                .isGreaterThan(1);
        ResumeRenderer.Rendered rendered = RENDERER.render(resume, template);
        assertThat(rendered.style()).isEqualTo(ResumeTemplate.Style.DENSE);
        assertThat(ResumeRenderer.pageCount(rendered.pdf())).isEqualTo(1);
    }

    @Test
    void resumeTooLongForDense_failsClearly() {
        assertThatThrownBy(() -> RENDERER.render(ResumeDocumentTestData.resume(6, 9), ResumeTemplate.ANALYST))
                .isInstanceOf(ResumeTooLongException.class)
                .hasMessageContaining("even in the dense style");
    }

    @Test
    void hostileText_isPrintedLiterally_andInjectsNoMarkup() throws IOException {
        String hostile = "<script>alert(1)</script></div><h1>Hired</h1> & <b>bold</b>";
        ResumeDocument base = ResumeDocumentTestData.resume(1, 2);
        ResumeDocument.Role role = base.roles().get(0);
        ResumeDocument resume = new ResumeDocument(
                new ResumeDocument.Contact("Sam </h1><p>Rivera", null, null, null, List.of()),
                List.of(new ResumeDocument.Role(role.title(), role.company(), role.location(), role.start(), role.end(),
                        List.of(role.bullets().get(0), hostile))),
                base.skills());

        Document html = RENDERER.html(resume, ResumeTemplate.ENGINEER, ResumeTemplate.Style.STANDARD);
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.select("b")).isEmpty();
        assertThat(html.select("li")).hasSize(2);
        assertThat(html.select("li").get(1).text()).isEqualTo(hostile);

        String text = normalized(text(RENDERER.render(resume, ResumeTemplate.ENGINEER).pdf()));
        assertThat(text).contains(hostile, "Sam </h1><p>Rivera");
    }

    @Test
    void everyFontOnThePage_isAnEmbeddedCarlitoSubset() throws IOException {
        byte[] pdf = RENDERER.render(ResumeDocumentTestData.resume(2, 3), ResumeTemplate.ANALYST).pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDResources resources = page.getResources();
            List<String> names = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                names.add(font.getName());
            }
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+Carlito.*"));
            assertThat(names).anyMatch(n -> n.contains("Bold"));
        }
    }

    /**
     * The parsed fonts are reused between renders but never shared by two at once: renders running side by side
     * each print their own resume, with the same text as when rendered alone.
     */
    @Test
    void rendersAtTheSameTime_eachPrintTheirOwnResume() throws Exception {
        List<ResumeDocument> resumes = List.of(ResumeDocumentTestData.resume(4, 5), ResumeDocumentTestData.resume(2, 3),
                ResumeDocumentTestData.resume(3, 1), ResumeDocumentTestData.resume(1, 6));
        List<String> alone = new ArrayList<>();
        for (ResumeDocument resume : resumes) {
            alone.add(text(RENDERER.render(resume, ResumeTemplate.ENGINEER).pdf()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(resumes.size());
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (ResumeDocument resume : resumes) {
                    together.add(pool.submit(() -> text(RENDERER.render(resume, ResumeTemplate.ENGINEER).pdf())));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).as("render %d", i).isEqualTo(alone.get(i % resumes.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fileName_isDateCompanyTitle_sanitized() {
        assertThat(ResumeFileName.of(LocalDate.of(2026, 11, 25), "Litware, Inc.", "Platform Engineer II / Infra"))
                .isEqualTo("20261125_Litware_Inc_Platform_Engineer_II_Infra.pdf");
        assertThat(ResumeFileName.of(LocalDate.of(2026, 1, 2), "AT&T", "../../etc/passwd"))
                .isEqualTo("20260102_AT&T_etcpasswd.pdf");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Lines wrap where the page ends: compare text with single spaces. */
    static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
