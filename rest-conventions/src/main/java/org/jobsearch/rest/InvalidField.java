package org.jobsearch.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a 400 Problem Details' {@code errors} array: what is wrong, and where. A field of the JSON body is
 * named by a JSON pointer (RFC 6901, e.g. {@code /company}); a query or path parameter by its name.
 *
 * @param pointer   the JSON pointer to the offending member of the request body ({@code ""} for the whole body)
 * @param parameter the name of the offending query or path parameter
 * @param detail    what is wrong with it, e.g. {@code must not be blank}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidField(String pointer, String parameter, String detail) {

    public static InvalidField atPointer(String pointer, String detail) {
        return new InvalidField(pointer, null, detail);
    }

    public static InvalidField atParameter(String parameter, String detail) {
        return new InvalidField(null, parameter, detail);
    }
}
