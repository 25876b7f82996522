package uccx.compliance.lab.imap;

import java.util.List;
import java.util.Locale;

/** One tagged command as the client sent it, literals already read in; {@code name} is upper case. */
record ImapCommand(String tag, String name, List<String> arguments) {

    ImapCommand {
        name = name.toUpperCase(Locale.ROOT);
        arguments = List.copyOf(arguments);
    }
}
