package org.jobsearch.resume.render;

/** Even the densest style takes more than one page: the content must be cut (fewer roles or bullets). */
public class ResumeTooLongException extends RuntimeException {

    private final int pages;

    public ResumeTooLongException(int pages) {
        super("The resume takes " + pages + " pages even in the dense style; it must fit on one page: "
                + "leave out bullets or roles");
        this.pages = pages;
    }

    public int pages() {
        return pages;
    }
}
