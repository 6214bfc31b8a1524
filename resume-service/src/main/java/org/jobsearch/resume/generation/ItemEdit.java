package org.jobsearch.resume.generation;

/**
 * A change to one bullet or skills line; a field left out stays as it is.
 *
 * @param exclude          leave the item out of the next render
 * @param overrideText     printed instead of the generated text; empty clears it
 * @param overrideTextSent whether the request named {@code overrideText} at all ({@code null} then clears it)
 */
public record ItemEdit(Boolean exclude, String overrideText, boolean overrideTextSent) {

    public static final int MAX_OVERRIDE_WORDS = 40;
    public static final int MAX_OVERRIDE_CHARS = 300;
}
