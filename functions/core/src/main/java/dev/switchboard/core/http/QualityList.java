package dev.switchboard.core.http;

import dev.switchboard.core.identity.AsciiCase;

import java.util.ArrayList;
import java.util.List;

/**
 * A header of weighted values such as {@code Accept} or {@code Accept-Language}
 * ({@code text/html,application/json;q=0.9}), in the order sent. A missing {@code q} is 1; an unreadable one
 * is 0, so a garbled weight never wins.
 */
public final class QualityList {

    /** One value, lower-cased, with its weight. */
    public record Item(String value, double q) {
    }

    private QualityList() {
    }

    public static List<Item> parse(String header) {
        List<Item> items = new ArrayList<>();
        if (header == null) {
            return items;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            items.add(new Item(AsciiCase.lower(pieces[0].trim()), q));
        }
        return items;
    }
}
