package dev.switchboard.core.config;

/** A missing or malformed setting. Thrown at init so a bad deployment fails loudly, naming the variable. */
public final class ConfigurationException extends RuntimeException {

    private final String variable;

    public ConfigurationException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
