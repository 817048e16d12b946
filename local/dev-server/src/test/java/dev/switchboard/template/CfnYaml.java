package dev.switchboard.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM YAML template. The short tags ({@code !Ref}, {@code !Sub}...) become the long
 * JSON form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), so checks only deal with one shape.
 */
final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "If", "Equals", "Not", "Split", "Select",
            "Join", "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform", "Length",
            "ToJsonString");

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new CfnConstructor(options)).load(text);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("a template is a YAML mapping");
        }
        return (Map<String, Object>) root;
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
                    value = key.equals("Fn::GetAtt") ? Arrays.asList(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
