package dev.switchboard.template;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.switchboard.template.CfnTemplate.list;
import static dev.switchboard.template.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who can become an administrator, as deployed (issue 16.10). Administrators are {@code AdminEmails}, matched against
 * the e-mail in the ALB-signed claims, which Cognito maps from Identity Center. A mapped attribute must be writable by
 * the app client (Cognito's {@code WriteAttributes} rule), so what stops a signed-in employee from rewriting their own
 * e-mail is that no token this stack hands out may call {@code UpdateUserAttributes}. And changing the list is a
 * stack update whose bad value must be refused by CloudFormation, never deployed to fail every request.
 */
class AdministratorsTemplateTest {

    private static final CfnTemplate TEMPLATE = CfnTemplate.load(RepoRoot.get().resolve("template.yaml"));
    /** The scope that authorises a user's own UpdateUserAttributes, DeleteUserAttributes, ChangePassword... */
    private static final String SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";

    // ---------------------------------------------------------------- no token that edits the user's own attributes

    @Test
    void userPool_hasOnlyTheAlbClient() {
        // A second client could offer the self-service scope or API sign-in; each one must be looked at like this one.
        assertThat(TEMPLATE.resourcesOfType("AWS::Cognito::UserPoolClient")).containsExactly("AlbUserPoolClient");
    }

    @Test
    void albClient_neverOffersTheScopeThatEditsOwnAttributes() {
        Map<String, Object> client = TEMPLATE.properties("AlbUserPoolClient");

        assertThat(list(client.get("AllowedOAuthScopes"))).isNotEmpty().doesNotContain(SELF_SERVICE_SCOPE);
        List<Map<String, Object>> configs = authenticateCognitoConfigs();
        assertThat(configs).hasSize(2);   // the listener's default action and the /connect rule
        for (Map<String, Object> config : configs) {
            List<String> asked = Arrays.asList(String.valueOf(config.get("Scope")).split(" "));
            assertThat(asked).doesNotContain(SELF_SERVICE_SCOPE);
            assertThat(list(client.get("AllowedOAuthScopes"))).containsAll(asked);
        }
    }

    @Test
    void albClient_noSignInThroughTheApi_onlyRefreshWithItsSecret() {
        Map<String, Object> client = TEMPLATE.properties("AlbUserPoolClient");

        // InitiateAuth tokens always carry the self-service scope; refreshing needs the refresh token the ALB keeps.
        assertThat(list(client.get("ExplicitAuthFlows"))).containsExactly("ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client).containsEntry("GenerateSecret", true);
    }

    @Test
    void userPool_nobodySignsUpOrSignsInOutsideIdentityCenter() {
        Map<String, Object> pool = TEMPLATE.properties("UserPool");
        Map<String, Object> client = TEMPLATE.properties("AlbUserPoolClient");

        // A local user could otherwise carry any e-mail, an administrator's included.
        assertThat(map(pool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(list(client.get("SupportedIdentityProviders"))).containsExactly("IAMIdentityCenter");
    }

    // ---------------------------------------------------------------- AdminEmails: the template refuses what the functions refuse

    @ParameterizedTest
    @ValueSource(strings = {
            "\u212Aate@example.com",                  // KELVIN SIGN, a look-alike of k
            "admin@example.com,\u212Aate@example.com",
            "k\u00E4te@example.com",
            "\uFF4B\uFF41\uFF54\uFF45@example.com",  // fullwidth
            "\u0435va@example.com",                   // Cyrillic e
            "kate@example.com\u200B",                 // zero width space
            "ka te@example.com",
            "kate",
            "@example.com",
            "kate@",
            "kate@@example.com",
            "kate@example.com;sam@example.com",
            "kate@example.com,sam",
    })
    void adminEmails_valueTheFunctionsRefuse_isRefusedBeforeAnythingIsDeployed(String value) {
        assertThatThrownBy(() -> functionsRead(value)).as("the functions refuse it at start-up")
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ADMIN_EMAILS");
        assertThat(templateAccepts(value)).as("CloudFormation refuses it").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "kate@example.com",
            "kate@example.com,sam@example.com",
            "Kate@Example.COM , o'brien+vpn@example.co.jp",
            "a!#$%&*/=?^_`{|}~-@example.com",
    })
    void adminEmails_valueTheFunctionsAccept_isAcceptedByTheTemplate(String value) {
        assertThatCode(() -> functionsRead(value)).doesNotThrowAnyException();
        assertThat(templateAccepts(value)).isTrue();
    }

    @Test
    void adminEmails_everyPrintableAsciiCharacter_templateAndFunctionsAgree() {
        // Character by character, in the local part and in the domain: one rule on both sides, no gap in either.
        for (char c = 0x20; c < 0x7F; c++) {
            for (String value : List.of("ka" + c + "te@example.com", "kate@exa" + c + "mple.com")) {
                boolean functions;
                try {
                    functionsRead(value);
                    functions = true;
                } catch (ConfigurationException e) {
                    functions = false;
                }
                assertThat(templateAccepts(value)).as("'%s'", value).isEqualTo(functions);
            }
        }
    }

    // ---------------------------------------------------------------- the README's command

    @Test
    void readme_changeCommand_namesOnlyTemplateParametersWithValuesTheyAccept() throws IOException {
        String readme = Files.readString(RepoRoot.get().resolve("README.md"));
        Matcher command = Pattern.compile("(?m)^sam deploy --parameter-overrides (.+)$").matcher(readme);
        List<String> overrides = new ArrayList<>();
        while (command.find()) {
            overrides.addAll(Arrays.asList(command.group(1).trim().split(" +")));
        }

        assertThat(overrides).isNotEmpty();
        for (String override : overrides) {
            String name = override.substring(0, override.indexOf('='));
            String value = override.substring(override.indexOf('=') + 1);
            assertThat(TEMPLATE.parameters()).as(override).containsKey(name);
            assertThat(Pattern.compile(String.valueOf(map(TEMPLATE.parameters().get(name)).get("AllowedPattern")))
                    .matcher(value).matches()).as(override).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static IdentityConfig functionsRead(String adminEmails) {
        return IdentityConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1",
                "ALB_ARN", "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/sb/50dc6c495c0c9188",
                "ADMIN_EMAILS", adminEmails)));
    }

    private static boolean templateAccepts(String value) {
        return Pattern.compile(String.valueOf(map(TEMPLATE.parameters().get("AdminEmails")).get("AllowedPattern")))
                .matcher(value).matches();
    }

    private static List<Map<String, Object>> authenticateCognitoConfigs() {
        List<Map<String, Object>> found = new ArrayList<>();
        collect(TEMPLATE.resources(), found);
        return found;
    }

    private static void collect(Object node, List<Map<String, Object>> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("AuthenticateCognitoConfig".equals(k)) {
                    found.add(map(v));
                } else {
                    collect(v, found);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, found));
        }
    }
}
