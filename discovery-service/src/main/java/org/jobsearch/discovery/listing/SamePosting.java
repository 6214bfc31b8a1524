package org.jobsearch.discovery.listing;

import org.jsoup.Jsoup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When two listings of one company on two platforms are the same posting: the same normalized title and location
 * (the {@link #dedupeKey}) and near-identical descriptions (word-trigram Jaccard similarity of at least
 * {@value #MIN_SIMILARITY}). Postings on the same platform are never merged: their external ids tell them apart.
 */
public final class SamePosting {

    static final double MIN_SIMILARITY = 0.9;
    // compiled once: every stored posting is normalized (String.replaceAll would compile them per call)
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SamePosting() {
    }

    /** Lower case, accents and punctuation dropped, spaces collapsed: {@code "Sr. Engineer – Java|Berlin, DE"}. */
    public static String dedupeKey(String title, String location) {
        return normalize(title) + "|" + normalize(location);
    }

    public static boolean nearIdentical(String descriptionHtmlA, String descriptionHtmlB) {
        String a = normalize(descriptionHtmlA == null ? null : Jsoup.parse(descriptionHtmlA).text());
        String b = normalize(descriptionHtmlB == null ? null : Jsoup.parse(descriptionHtmlB).text());
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        Set<String> shinglesA = shingles(a);
        Set<String> shinglesB = shingles(b);
        Set<String> union = new HashSet<>(shinglesA);
        union.addAll(shinglesB);
        Set<String> common = new HashSet<>(shinglesA);
        common.retainAll(shinglesB);
        return (double) common.size() / union.size() >= MIN_SIMILARITY;
    }

    /** Whether two listings of one company are the same posting. */
    public static boolean same(String platformA, String dedupeKeyA, String descriptionA,
                               String platformB, String dedupeKeyB, String descriptionB) {
        return !platformA.equals(platformB) && dedupeKeyA.equals(dedupeKeyB) && nearIdentical(descriptionA, descriptionB);
    }

    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Set<String> shingles(String normalized) {
        String[] words = normalized.split(" ");
        Set<String> shingles = new HashSet<>();
        if (words.length < 3) {
            shingles.add(normalized);
            return shingles;
        }
        for (int i = 0; i + 3 <= words.length; i++) {
            shingles.add(String.join(" ", Arrays.copyOfRange(words, i, i + 3)));
        }
        return shingles;
    }
}
