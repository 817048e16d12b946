package dev.switchboard.core.testing;

import dev.switchboard.core.text.Message;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with message catalogs (classes holding {@code static final Message} constants): a code without
 * Japanese, Japanese that is the English copy (or has no Japanese letter at all), placeholders that differ between
 * the languages, a code that is not lower_snake_case or is used twice. Empty when all is well; each problem names
 * the catalog and the constant so the failing test says what to fix.
 */
public final class Catalogs {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    private Catalogs() {
    }

    public static List<String> problems(Class<?>... catalogs) {
        return problems(List.of(catalogs));
    }

    public static List<String> problems(List<Class<?>> catalogs) {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Class<?> catalog : catalogs) {
            Map<String, Message> entries = entries(catalog);
            if (entries.isEmpty()) {
                problems.add(catalog.getName() + " holds no public static final Message");
            }
            entries.forEach((field, m) -> {
                String where = catalog.getSimpleName() + "." + field;
                String previous = owners.putIfAbsent(m.code(), where);
                if (previous != null) {
                    problems.add(where + ": code " + m.code() + " is already used by " + previous);
                }
                if (m.code() == null || !CODE.matcher(m.code()).matches()) {
                    problems.add(where + ": code " + m.code() + " is not lower_snake_case");
                }
                if (isBlank(m.english())) {
                    problems.add(where + ": no English");
                }
                if (isBlank(m.japanese())) {
                    problems.add(where + ": no Japanese");
                } else if (m.english() != null && m.japanese().strip().equals(m.english().strip())) {
                    problems.add(where + ": the Japanese is the English copy");
                } else if (!hasJapaneseLetter(m.japanese())) {
                    problems.add(where + ": the Japanese has no Japanese letter: " + m.japanese());
                }
                if (!isBlank(m.english()) && !isBlank(m.japanese())
                        && !placeholders(m.english()).equals(placeholders(m.japanese()))) {
                    problems.add(where + ": placeholders differ: " + placeholders(m.english()) + " in English, "
                            + placeholders(m.japanese()) + " in Japanese");
                }
            });
        }
        return problems;
    }

    /** The catalog's public static final {@code Message} constants by field name, in declaration order. */
    public static Map<String, Message> entries(Class<?> catalog) {
        Map<String, Message> entries = new java.util.LinkedHashMap<>();
        for (Field f : catalog.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && Modifier.isPublic(mod)
                    && Message.class.isAssignableFrom(f.getType())) {
                try {
                    entries.put(f.getName(), (Message) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(catalog.getName() + "." + f.getName(), e);
                }
            }
        }
        return entries;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Hiragana, katakana or a CJK ideograph: a translation has at least one. */
    static boolean hasJapaneseLetter(String s) {
        return s.codePoints().mapToObj(Character.UnicodeScript::of).anyMatch(script ->
                script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                        || script == Character.UnicodeScript.HAN);
    }

    private static Set<String> placeholders(String s) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
