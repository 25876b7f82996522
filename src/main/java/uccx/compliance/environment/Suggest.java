package uccx.compliance.environment;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the closest of some names to a misspelt one. */
final class Suggest {

    private Suggest() {
    }

    /** The closest name, or null when none is close enough to be a typo of it. */
    static String closest(String typed, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String name : names) {
            int d = distance(t, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        // A case slip, or a couple of letters off in a long enough word; beyond that it is not a typo.
        int allowed = Math.max(1, Math.min(3, typed.length() / 4));
        return best != null && bestDistance <= allowed && !best.equals(typed) ? best : null;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment): "hots" is one edit from "host". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
