package org.jobsearch.llm;

/** The one token rule of the platform: ceil(characters / 3.5) of what is sent, with no tokenizer to choose. */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static long ofCharacters(long characters) {
        // ceil(c / 3.5) == ceil(2c / 7), in integers
        return (2 * characters + 6) / 7;
    }

    public static long of(CharSequence... texts) {
        long characters = 0;
        for (CharSequence text : texts) {
            characters += text == null ? 0 : text.length();
        }
        return ofCharacters(characters);
    }
}
