package org.jobsearch.resume.template;

/** A built-in template cannot be changed or deleted: copy its HTML into a template of your own instead. */
public class TemplateReadOnlyException extends RuntimeException {

    public TemplateReadOnlyException(String key) {
        super("The built-in template '" + key + "' is read-only: upload a template of your own to change it");
    }
}
