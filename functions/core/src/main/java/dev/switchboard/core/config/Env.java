package dev.switchboard.core.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of the environment variables of the configuration contract. Every failure names the
 * variable. The lookup is a function so tests pass a map instead of mutating the process environment.
 */
public final class Env {

    private final Function<String, String> lookup;

    private Env(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Env system() {
        return new Env(System::getenv);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values::get);
    }

    /** The value, trimmed; empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException(name, "is required but not set"));
    }

    public String required(String name, Pattern pattern, String expected) {
        String value = required(name);
        if (!pattern.matcher(value).matches()) {
            throw new ConfigurationException(name, "must be " + expected + " (got '" + abbreviate(value) + "')");
        }
        return value;
    }

    public Optional<String> optional(String name, Pattern pattern, String expected) {
        Optional<String> value = optional(name);
        value.ifPresent(v -> {
            if (!pattern.matcher(v).matches()) {
                throw new ConfigurationException(name, "must be " + expected + " (got '" + abbreviate(v) + "')");
            }
        });
        return value;
    }

    /** A comma-separated list; blank items are dropped. Empty when the variable is unset. */
    public List<String> list(String name) {
        return optional(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public List<String> requiredList(String name, Pattern itemPattern, String expected) {
        List<String> items = list(name);
        if (items.isEmpty()) {
            throw new ConfigurationException(name, "is required but not set");
        }
        for (String item : items) {
            if (!itemPattern.matcher(item).matches()) {
                throw new ConfigurationException(name, "each item must be " + expected + " (got '" + abbreviate(item) + "')");
            }
        }
        if (items.stream().distinct().count() != items.size()) {
            throw new ConfigurationException(name, "lists the same item twice");
        }
        return items;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigurationException(name, "must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, "must be a whole number (got '" + abbreviate(value.get()) + "')");
        }
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value.get());
            if (!(parsed >= min && parsed <= max)) {
                throw new ConfigurationException(name, "must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, "must be a number (got '" + abbreviate(value.get()) + "')");
        }
    }

    public URI httpUrl(String name, String defaultValue) {
        String value = optional(name).orElse(defaultValue);
        try {
            URI uri = URI.create(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigurationException(name, "must be an http(s) URL (got '" + abbreviate(value) + "')");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name, "must be an http(s) URL (got '" + abbreviate(value) + "')");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
