package uccx.compliance.collector.clixml;

/**
 * Type-name matching that survives what remoting and Select-Object do to type names: PowerShell
 * prefixes {@code Deserialized.} to every type of an object that crossed a session, and
 * Select-Object prefixes {@code Selected.}; both can stack in either order.
 */
final class TypeNames {

    private static final String[] PREFIXES = {"Deserialized.", "Selected."};

    private TypeNames() {
    }

    static boolean matches(String typeName, String wanted) {
        String have = withoutPrefixes(typeName);
        String want = withoutPrefixes(wanted);
        if (endsWithSegment(have, want)) {
            return true;
        }
        // Unlimited`1[[System.Int32, mscorlib, ...]]: the arguments hold dots of their own, so
        // match the generic name before them, with or without its arity
        int arguments = have.indexOf('[');
        if (arguments > 0 && endsWithSegment(have.substring(0, arguments), want)) {
            return true;
        }
        int arity = have.indexOf('`');
        return arity > 0 && endsWithSegment(have.substring(0, arity), want);
    }

    static String withoutPrefixes(String typeName) {
        String name = typeName;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : PREFIXES) {
                if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    name = name.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return name;
    }

    private static boolean endsWithSegment(String name, String wanted) {
        if (wanted.isEmpty() || name.length() < wanted.length()) {
            return false;
        }
        int start = name.length() - wanted.length();
        if (!name.regionMatches(true, start, wanted, 0, wanted.length())) {
            return false;
        }
        // a whole namespace segment or nested type, so "Id" does not match "ADObjectId"
        return start == 0 || name.charAt(start - 1) == '.' || name.charAt(start - 1) == '+';
    }
}
