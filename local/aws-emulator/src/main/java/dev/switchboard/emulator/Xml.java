package dev.switchboard.emulator;

/** Minimal XML writer for EC2 Query replies. */
final class Xml {
    private final StringBuilder sb = new StringBuilder(512);

    Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** An element with text content; nothing is written when value is null. */
    Xml el(String name, Object value) {
        if (value != null) {
            sb.append('<').append(name).append('>');
            escape(String.valueOf(value));
            sb.append("</").append(name).append('>');
        }
        return this;
    }

    Xml raw(String s) {
        sb.append(s);
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    static String escaped(String s) {
        Xml x = new Xml();
        x.escape(s);
        return x.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
