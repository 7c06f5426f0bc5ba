package app.proxyme.engine.adapter.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A drafted answer in pieces the classifier can read whole: the answer itself when it is at most
 * {@link SpokenText#MAX_CHARS} long (the common case), else consecutive pieces of at most that many characters, cut
 * between words, so that no part of a long answer goes unread. Deterministic.
 */
final class AnswerWindows {
    private AnswerWindows() {}

    static List<String> of(String answer) {
        var pieces = new ArrayList<String>();
        String rest = answer == null ? "" : answer.strip();
        while (rest.length() > SpokenText.MAX_CHARS) {
            int cut = rest.lastIndexOf(' ', SpokenText.MAX_CHARS);
            cut = cut <= 0 ? SpokenText.MAX_CHARS : cut;
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }
}
