package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.switchboard.template.CfnTemplate.list;
import static dev.switchboard.template.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/** What a deployment really gets for given parameters: the template's intrinsic functions evaluated. */
class TemplateRenderingTest {

    private static final CfnTemplate TEMPLATE = CfnTemplate.load(RepoRoot.get().resolve("template.yaml"));
    private static final String ENDPOINT_ARN =
            "arn:aws:ec2:ap-northeast-1:123456789012:client-vpn-endpoint/cvpn-endpoint-0123456789abcdef0";
    private static final String SUBNET_A = "subnet-0aaaaaaaaaaaaaaaa";
    private static final String SUBNET_B = "subnet-0bbbbbbbbbbbbbbbb";
    private static final String INSTANCE = "2fb42df9-78a2-2e74-d572-c8af67ed289b";

    static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        values.put("DomainName", "vpn.example.com");
        values.put("CertificateArn", "arn:aws:acm:ap-northeast-1:123456789012:certificate/0c1b2a39-1d3e-4f5a-8b7c-9d0e1f2a3b4c");
        values.put("CognitoDomainPrefix", "switchboard-example");
        values.put("IdentityCenterMetadataUrl", "https://portal.sso.ap-northeast-1.amazonaws.com/saml/metadata/ExAmPlE");
        values.put("VpcId", "vpc-0123456789abcdef0");
        values.put("AlbSubnetIds", "subnet-0cccccccccccccccc,subnet-0dddddddddddddddd");
        values.put("ClientVpnEndpointId", "cvpn-endpoint-0123456789abcdef0");
        values.put("TargetSubnetIds", SUBNET_A + "," + SUBNET_B);
        return values;
    }

    private static CfnEvaluator render(Map<String, String> overrides) {
        Map<String, String> values = required();
        values.putAll(overrides);
        return new CfnEvaluator(TEMPLATE, values);
    }

    // ---------------------------------------------------------------- least privilege, as deployed

    @Test
    void portalRole_turnOnStatement_namesExactlyTheEndpointAndTheTargetSubnets() {
        Map<String, Object> statement = statement("VpnPortalRole", "TurnOnAndOffTheEndpoint", render(Map.of()));

        assertThat(list(statement.get("Action"))).containsExactlyInAnyOrder("ec2:AssociateClientVpnTargetNetwork",
                "ec2:DisassociateClientVpnTargetNetwork", "ec2:CreateClientVpnRoute");
        assertThat(new LinkedHashSet<>(list(statement.get("Resource")))).containsExactlyInAnyOrder(ENDPOINT_ARN,
                "arn:aws:ec2:ap-northeast-1:123456789012:subnet/" + SUBNET_A,
                "arn:aws:ec2:ap-northeast-1:123456789012:subnet/" + SUBNET_B);
    }

    @Test
    void portalRole_sixTargetSubnets_everyOneGranted() {
        List<String> six = List.of("subnet-01111111111111111", "subnet-02222222222222222", "subnet-03333333333333333",
                "subnet-04444444444444444", "subnet-05555555555555555", "subnet-06666666666666666");

        Map<String, Object> statement = statement("VpnPortalRole", "TurnOnAndOffTheEndpoint",
                render(Map.of("TargetSubnetIds", String.join(",", six))));

        assertThat(list(statement.get("Resource")))
                .containsAll(six.stream().map(s -> "arn:aws:ec2:ap-northeast-1:123456789012:subnet/" + s).toList());
    }

    @Test
    void autoOffRole_grantsTurningOffOnly() {
        CfnEvaluator rendered = render(Map.of());
        Set<Object> actions = new LinkedHashSet<>();
        statements("VpnAutoOffRole", rendered).forEach(s -> actions.addAll(list(s.get("Action"))));

        assertThat(actions).contains("ec2:DisassociateClientVpnTargetNetwork")
                .doesNotContain("ec2:AssociateClientVpnTargetNetwork", "ec2:CreateClientVpnRoute");
        assertThat(list(statement("VpnAutoOffRole", "TurnOffTheEndpoint", rendered).get("Resource")))
                .contains(ENDPOINT_ARN, "arn:aws:ec2:ap-northeast-1:123456789012:subnet/" + SUBNET_B);
    }

    @Test
    void vpnRoles_tagging_onlyOurTagKeysOnTheEndpoint() {
        for (String role : List.of("VpnPortalRole", "VpnAutoOffRole")) {
            Map<String, Object> statement = statement(role, "RecordWhoAndWhen", render(Map.of()));

            assertThat(statement.get("Resource")).isEqualTo(ENDPOINT_ARN);
            assertThat(map(map(statement.get("Condition")).get("ForAllValues:StringLike")).get("aws:TagKeys"))
                    .isEqualTo(List.of("switchboard:*"));
        }
    }

    @Test
    void connectRole_update_namedProfileWhenGivenElseProfilesOfTheInstance() {
        String instanceArn = "arn:aws:connect:ap-northeast-1:123456789012:instance/" + INSTANCE;

        Object named = statement("ConnectIpRulesRole", "UpdateTheProfile",
                render(Map.of("ConnectInstanceId", INSTANCE, "ConnectAuthenticationProfileId", "profile-1"))).get("Resource");
        Object any = statement("ConnectIpRulesRole", "UpdateTheProfile",
                render(Map.of("ConnectInstanceId", INSTANCE))).get("Resource");

        assertThat(named).isEqualTo(instanceArn + "/authentication-profile/profile-1");
        assertThat(any).isEqualTo(instanceArn + "/authentication-profile/*");
        assertThat(statement("ConnectIpRulesRole", "ListProfilesOfTheInstance",
                render(Map.of("ConnectInstanceId", INSTANCE))).get("Resource")).isEqualTo(instanceArn);
    }

    // ---------------------------------------------------------------- configuration contract

    @Test
    void portalEnvironment_rendersTheContract() {
        Map<String, Object> env = environment("VpnPortalFunction", render(Map.of("AdminEmails", "a@example.com")));

        assertThat(env).containsEntry("ALB_ARN", "<Ref LoadBalancer>")
                .containsEntry("ALB_CLIENT_ID", "<Ref AlbUserPoolClient>")
                .containsEntry("ALB_ISSUER", "https://cognito-idp.ap-northeast-1.amazonaws.com/<Ref UserPool>")
                .containsEntry("ALB_PUBLIC_KEY_URL", "https://public-keys.auth.elb.ap-northeast-1.amazonaws.com")
                .containsEntry("ADMIN_EMAILS", "a@example.com")
                .containsEntry("CLIENT_VPN_ENDPOINT_ID", "cvpn-endpoint-0123456789abcdef0")
                .containsEntry("TARGET_SUBNET_IDS", SUBNET_A + "," + SUBNET_B)
                .containsEntry("IDLE_MINUTES", "10")
                .containsEntry("GRACE_MINUTES", "20")
                .containsEntry("NIGHTLY_OFF_TIME", "22:00")
                .containsEntry("NIGHTLY_IDLE_MINUTES", "5")
                .containsEntry("NIGHTLY_DEADLINE", "")
                .containsEntry("SCHEDULE_TIMEZONE", "Asia/Tokyo")
                .containsEntry("HOURLY_PRICE_USD", "0.15")
                .doesNotContainKey("AWS_REGION");
    }

    @Test
    void albPublicKeyUrl_override_reachesBothAlbFunctions() {
        CfnEvaluator rendered = render(Map.of("AlbPublicKeyUrl", "https://keys.example.com", "ConnectInstanceId", INSTANCE));

        assertThat(environment("VpnPortalFunction", rendered)).containsEntry("ALB_PUBLIC_KEY_URL", "https://keys.example.com");
        assertThat(environment("ConnectIpRulesFunction", rendered)).containsEntry("ALB_PUBLIC_KEY_URL", "https://keys.example.com")
                .containsEntry("CONNECT_INSTANCE_ID", INSTANCE)
                .containsEntry("CONNECT_AUTHENTICATION_PROFILE_ID", "");
    }

    // ---------------------------------------------------------------- schedules

    @Test
    void nightlyOff_cronFromNightlyOffTimeInTheScheduleZone_nightlyModeThatCutsNobody() {
        Map<String, Object> event = event("VpnAutoOffFunction", "NightlyOff", render(Map.of("NightlyOffTime", "07:30",
                "ScheduleTimezone", "Europe/Berlin")));

        assertThat(event.get("ScheduleExpression")).isEqualTo("cron(30 7 * * ? *)");
        assertThat(event.get("ScheduleExpressionTimezone")).isEqualTo("Europe/Berlin");
        assertThat(event.get("Input")).isEqualTo("{\"command\":\"nightly\"}");
    }

    @Test
    void nightlyDeadline_onlyWhenATimeIsGiven_forceToTheAutoOffAlias() {
        assertThat(render(Map.of()).created("NightlyDeadlineSchedule")).isFalse();
        assertThat(render(Map.of()).created("NightlyDeadlineScheduleRole")).isFalse();
        CfnEvaluator rendered = render(Map.of("NightlyDeadline", "23:30"));

        Map<String, Object> schedule = map(rendered.evaluate(TEMPLATE.properties("NightlyDeadlineSchedule")));

        assertThat(rendered.created("NightlyDeadlineSchedule")).isTrue();
        assertThat(rendered.created("NightlyDeadlineScheduleRole")).isTrue();
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("cron(30 23 * * ? *)");
        assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("Asia/Tokyo");
        assertThat(map(schedule.get("Target"))).containsEntry("Arn", "<Ref VpnAutoOffFunction.Alias>")
                .containsEntry("Input", "{\"command\":\"force\"}");
        assertThat(environment("VpnAutoOffFunction", rendered)).containsEntry("NIGHTLY_DEADLINE", "23:30");
        assertThat(environment("VpnPortalFunction", rendered)).containsEntry("NIGHTLY_DEADLINE", "23:30");
    }

    @Test
    void nightlyOff_everyTimeTheParameterAllows_rendersCronNumbersWithoutLeadingZeros() {
        for (int hour = 0; hour < 24; hour++) {
            for (int minute = 0; minute < 60; minute++) {
                String time = "%02d:%02d".formatted(hour, minute);
                assertThat(matches("NightlyOffTime", time)).as(time).isTrue();

                Map<String, Object> event = event("VpnAutoOffFunction", "NightlyOff", render(Map.of("NightlyOffTime", time)));

                assertThat(event.get("ScheduleExpression")).as(time).isEqualTo("cron(" + minute + " " + hour + " * * ? *)");
            }
        }
    }

    @Test
    void idleCheck_rateOfIdleCheckMinutes_idleMode() {
        Map<String, Object> event = event("VpnAutoOffFunction", "IdleCheck", render(Map.of()));

        assertThat(event.get("ScheduleExpression")).isEqualTo("rate(5 minutes)");
        assertThat(event.get("Input")).isEqualTo("{\"command\":\"idle\"}");
    }

    @Test
    void morningOn_onlyWhenATimeIsGiven_weekdaysToThePortalAlias() {
        assertThat(render(Map.of()).created("MorningOnSchedule")).isFalse();
        CfnEvaluator rendered = render(Map.of("MorningOnTime", "08:45"));

        Map<String, Object> schedule = map(rendered.evaluate(TEMPLATE.properties("MorningOnSchedule")));

        assertThat(rendered.created("MorningOnSchedule")).isTrue();
        assertThat(rendered.created("MorningOnScheduleRole")).isTrue();
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("cron(45 8 ? * MON-FRI *)");
        assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("Asia/Tokyo");
        assertThat(map(schedule.get("Target"))).containsEntry("Arn", "<Ref VpnPortalFunction.Alias>")
                .containsEntry("Input", "{\"command\":\"on\",\"requestedBy\":\"schedule\"}");
    }

    @Test
    void repairSchedule_everyMinuteToThePortalAlias_withTheRepairCommandOnly() {
        CfnEvaluator rendered = render(Map.of());

        Map<String, Object> schedule = map(rendered.evaluate(TEMPLATE.properties("RepairSchedule")));

        assertThat(rendered.created("RepairSchedule")).isTrue();
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("rate(1 minute)");
        assertThat(map(schedule.get("Target"))).containsEntry("Arn", "<Ref VpnPortalFunction.Alias>")
                .containsEntry("Input", "{\"command\":\"repair\",\"requestedBy\":\"schedule\"}");
    }

    // ---------------------------------------------------------------- load balancer and sign-in

    @Test
    void httpsListener_authenticatesWithCognitoThenForwardsToThePortal() {
        Map<String, Object> listener = map(render(Map.of()).evaluate(TEMPLATE.properties("HttpsListener")));
        List<Object> actions = list(listener.get("DefaultActions"));

        assertThat(listener).containsEntry("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06").containsEntry("Port", "443");
        assertThat(map(actions.get(0))).containsEntry("Type", "authenticate-cognito").containsEntry("Order", "1");
        assertThat(map(map(actions.get(0)).get("AuthenticateCognitoConfig")))
                .containsEntry("UserPoolDomain", "switchboard-example")
                .containsEntry("UserPoolArn", "<UserPool.Arn>")
                .containsEntry("Scope", "openid email");
        assertThat(map(actions.get(1))).containsEntry("Type", "forward").containsEntry("Order", "2")
                .containsEntry("TargetGroupArn", "<Ref VpnPortalTargetGroup>");
    }

    @Test
    void connectRule_connectPathsAuthenticateFirst() {
        Map<String, Object> rule = map(render(Map.of("ConnectInstanceId", INSTANCE)).evaluate(TEMPLATE.properties("ConnectListenerRule")));

        assertThat(map(map(list(rule.get("Conditions")).get(0)).get("PathPatternConfig")).get("Values"))
                .isEqualTo(List.of("/connect", "/connect/*"));
        assertThat(list(rule.get("Actions")).stream().map(a -> map(a).get("Type")))
                .containsExactly("authenticate-cognito", "forward");
    }

    @Test
    void loadBalancer_dropsInvalidHeadersAndRedirectsHttp() {
        CfnEvaluator rendered = render(Map.of());
        Map<String, Object> alb = map(rendered.evaluate(TEMPLATE.properties("LoadBalancer")));
        Map<String, Object> http = map(rendered.evaluate(TEMPLATE.properties("HttpRedirectListener")));

        assertThat(list(alb.get("LoadBalancerAttributes")))
                .contains(Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"));
        assertThat(map(list(http.get("DefaultActions")).get(0))).containsEntry("Type", "redirect");
        assertThat(map(map(list(http.get("DefaultActions")).get(0)).get("RedirectConfig")))
                .containsEntry("Protocol", "HTTPS").containsEntry("StatusCode", "HTTP_301");
    }

    @Test
    void albPermissions_sourceArnNamesExactlyTheirTargetGroup() {
        CfnEvaluator rendered = render(Map.of("ConnectInstanceId", INSTANCE));
        for (String[] pair : new String[][] {{"VpnPortalTargetGroup", "VpnPortalAlbPermission"},
                {"ConnectTargetGroup", "ConnectAlbPermission"}}) {
            Map<String, Object> group = map(rendered.evaluate(TEMPLATE.properties(pair[0])));
            Map<String, Object> permission = map(rendered.evaluate(TEMPLATE.properties(pair[1])));

            assertThat(String.valueOf(group.get("Name"))).matches("sb-(portal|connect)-6f1c2a90").hasSizeLessThanOrEqualTo(32);
            assertThat(permission.get("SourceArn")).isEqualTo(
                    "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/" + group.get("Name") + "/*");
            assertThat(permission).containsEntry("Principal", "elasticloadbalancing.amazonaws.com");
            assertThat(permission.get("FunctionName")).isEqualTo(map(list(group.get("Targets")).get(0)).get("Id"));
            assertThat(list(TEMPLATE.resource(pair[0]).get("DependsOn"))).containsExactly(pair[1]);
        }
    }

    @Test
    void cognitoClient_codeFlowWithSecretOnlyThroughIdentityCenter() {
        Map<String, Object> client = map(render(Map.of()).evaluate(TEMPLATE.properties("AlbUserPoolClient")));

        assertThat(client).containsEntry("GenerateSecret", "true")
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("AllowedOAuthScopes", List.of("openid", "email"))
                .containsEntry("CallbackURLs", List.of("https://vpn.example.com/oauth2/idpresponse"))
                .containsEntry("SupportedIdentityProviders", List.of("IAMIdentityCenter"));
        assertThat(map(TEMPLATE.properties("IdentityCenterProvider"))).containsEntry("ProviderName", "IAMIdentityCenter")
                .containsEntry("AttributeMapping", Map.of("email", "email"));
    }

    @Test
    void outputs_identityCenterValuesToPaste() {
        CfnEvaluator rendered = render(Map.of());

        assertThat(rendered.evaluate(map(TEMPLATE.outputs().get("IdentityCenterAcsUrl")).get("Value")))
                .isEqualTo("https://switchboard-example.auth.ap-northeast-1.amazoncognito.com/saml2/idpresponse");
        assertThat(rendered.evaluate(map(TEMPLATE.outputs().get("IdentityCenterAudience")).get("Value")))
                .isEqualTo("urn:amazon:cognito:sp:<Ref UserPool>");
        assertThat(rendered.evaluate(map(TEMPLATE.outputs().get("PortalUrl")).get("Value"))).isEqualTo("https://vpn.example.com/");
    }

    // ---------------------------------------------------------------- optional parts and switches

    @Test
    void connect_withoutInstance_noConnectResources_withInstance_allOfThem() {
        List<String> connectParts = List.of("ConnectIpRulesFunction", "ConnectIpRulesRole", "ConnectLogGroup",
                "ConnectTargetGroup", "ConnectAlbPermission", "ConnectListenerRule");
        CfnEvaluator without = render(Map.of());
        CfnEvaluator with = render(Map.of("ConnectInstanceId", INSTANCE));

        assertThat(connectParts).noneMatch(without::created).allMatch(with::created);
        assertThat(with.created("ConnectFederationRole")).isFalse();
        assertThat(render(Map.of("ConnectInstanceId", INSTANCE, "ConnectSamlMetadataDocument", "<md/>"))
                .created("ConnectFederationRole")).isTrue();
        assertThat(render(Map.of("ConnectSamlMetadataDocument", "<md/>")).created("ConnectSamlProvider")).isFalse();
    }

    @Test
    void notifications_offByDefault_onWithTheirParts_connectSubscriptionOnlyWithConnect() {
        List<String> parts = List.of("NotificationTopic", "NotifierLogGroup", "NotifierRole", "NotifierFunction",
                "NotifierPortalLogsPermission", "NotifierAutoOffLogsPermission", "VpnPortalAuditSubscription",
                "VpnAutoOffAuditSubscription", "NotifierErrorLines");
        List<String> connectParts = List.of("NotifierConnectLogsPermission", "ConnectAuditSubscription");
        CfnEvaluator byDefault = render(Map.of());
        CfnEvaluator on = render(Map.of("NotificationsEnabled", "true"));
        CfnEvaluator onWithConnect = render(Map.of("NotificationsEnabled", "true", "ConnectInstanceId", INSTANCE));

        assertThat(parts).noneMatch(byDefault::created).allMatch(on::created).allMatch(onWithConnect::created);
        assertThat(connectParts).noneMatch(on::created).allMatch(onWithConnect::created);
        assertThat(connectParts).noneMatch(render(Map.of("ConnectInstanceId", INSTANCE))::created);
        assertThat(on.created("NotificationEmailSubscription")).isFalse();
        assertThat(render(Map.of("NotificationsEnabled", "true", "NotificationEmail", "ops@example.com"))
                .created("NotificationEmailSubscription")).isTrue();
        assertThat(render(Map.of("NotificationEmail", "ops@example.com")).created("NotificationEmailSubscription")).isFalse();
    }

    @Test
    void notifier_publishesOnlyToItsTopic_andLogsMayInvokeItOnlyForOurLogGroupsOfThisAccount() {
        CfnEvaluator rendered = render(Map.of("NotificationsEnabled", "true", "ConnectInstanceId", INSTANCE,
                "NotificationLanguage", "ja"));

        assertThat(statements("NotifierRole", rendered)).extracting(s -> s.get("Action")).containsExactly(
                List.of("logs:CreateLogStream", "logs:PutLogEvents"), "sns:Publish");
        assertThat(statement("NotifierRole", "PublishToTheNotificationTopic", rendered))
                .containsEntry("Resource", "<Ref NotificationTopic>");
        assertThat(environment("NotifierFunction", rendered)).containsEntry("NOTIFICATION_TOPIC_ARN", "<Ref NotificationTopic>")
                .containsEntry("NOTIFY_LANGUAGE", "ja");
        assertThat(map(rendered.evaluate(TEMPLATE.functionProperties("NotifierFunction").get("EventInvokeConfig"))))
                .isEqualTo(Map.of("MaximumRetryAttempts", "2", "MaximumEventAgeInSeconds", "3600"));
        for (String[] pair : new String[][] {{"NotifierPortalLogsPermission", "VpnPortalLogGroup", "VpnPortalAuditSubscription"},
                {"NotifierAutoOffLogsPermission", "VpnAutoOffLogGroup", "VpnAutoOffAuditSubscription"},
                {"NotifierConnectLogsPermission", "ConnectLogGroup", "ConnectAuditSubscription"}}) {
            Map<String, Object> permission = map(rendered.evaluate(TEMPLATE.properties(pair[0])));
            Map<String, Object> filter = map(rendered.evaluate(TEMPLATE.properties(pair[2])));

            assertThat(permission).containsEntry("Principal", "logs.amazonaws.com")
                    .containsEntry("SourceAccount", "123456789012").containsEntry("SourceArn", "<" + pair[1] + ".Arn>")
                    .containsEntry("FunctionName", "<Ref NotifierFunction.Alias>");
            assertThat(filter).containsEntry("LogGroupName", "<Ref " + pair[1] + ">")
                    .containsEntry("DestinationArn", "<Ref NotifierFunction.Alias>")
                    .containsEntry("FilterPattern", "{ $.type = \"audit\" && $.action != \"vpn.route\" }");
            // CloudWatch Logs checks, when the filter is created, that it may invoke the destination.
            assertThat(map(TEMPLATE.resources().get(pair[2])).get("DependsOn")).isEqualTo(pair[0]);
        }
    }

    @Test
    void connectFederation_trustsBothSignInEndpointsAndLimitsSourceAddresses() {
        CfnEvaluator rendered = render(Map.of("ConnectInstanceId", INSTANCE, "ConnectSamlMetadataDocument", "<md/>",
                "ConnectFederationAllowedCidrs", "203.0.113.0/24,198.51.100.7/32"));
        Map<String, Object> role = map(rendered.evaluate(TEMPLATE.properties("ConnectFederationRole")));
        Map<String, Object> trust = map(list(map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        Map<String, Object> grant = statement("ConnectFederationRole", "FederateIntoThisInstanceFromAllowedAddresses", rendered);

        assertThat(trust).containsEntry("Action", "sts:AssumeRoleWithSAML");
        assertThat(map(map(trust.get("Condition")).get("StringEquals")).get("SAML:aud")).isEqualTo(List.of(
                "https://signin.aws.amazon.com/saml", "https://ap-northeast-1.signin.aws.amazon.com/saml"));
        assertThat(grant).containsEntry("Action", "connect:GetFederationToken").containsEntry("Resource",
                "arn:aws:connect:ap-northeast-1:123456789012:instance/" + INSTANCE + "/user/${aws:userid}");
        assertThat(map(map(grant.get("Condition")).get("StringEquals"))).containsEntry("connect:InstanceId", INSTANCE);
        assertThat(map(map(grant.get("Condition")).get("IpAddress")).get("aws:SourceIp"))
                .isEqualTo(List.of("203.0.113.0/24", "198.51.100.7/32"));
        assertThat(rendered.evaluate(map(TEMPLATE.outputs().get("ConnectRelayState")).get("Value"))).isEqualTo(
                "https://ap-northeast-1.console.aws.amazon.com/connect/federate/" + INSTANCE + "?destination=%2Fagent-app-v2");
    }

    @Test
    void snapStart_bothSettings_validAndTargetsStayOnTheAlias() {
        for (String function : TEMPLATE.functions()) {
            Map<String, Object> off = map(render(Map.of("EnableSnapStart", "false")).evaluate(TEMPLATE.functionProperties(function)));
            Map<String, Object> on = map(render(Map.of("EnableSnapStart", "true")).evaluate(TEMPLATE.functionProperties(function)));
            Map<String, Object> byDefault = map(render(Map.of()).evaluate(TEMPLATE.functionProperties(function)));

            assertThat(byDefault.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));

            assertThat(off.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "None"));
            assertThat(on.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(on.get("AutoPublishAlias")).isEqualTo("live");
            assertThat(off.get("AutoPublishAlias")).isEqualTo("live");
            assertThat(on.get("Runtime")).isEqualTo("java21");
        }
        assertThat(TemplateChecks.albTargetFunctions(TEMPLATE)).containsExactlyInAnyOrder("VpnPortalFunction", "ConnectIpRulesFunction");
    }

    @Test
    void parameters_everyDefault_matchesItsOwnAllowedPatternAndValues() {
        TEMPLATE.parameters().forEach((name, definition) -> {
            Map<String, Object> def = map(definition);
            if (def.containsKey("Default") && def.containsKey("AllowedPattern")) {
                assertThat(String.valueOf(def.get("Default"))).as(name)
                        .matches(Pattern.compile(String.valueOf(def.get("AllowedPattern"))));
            }
            if (def.containsKey("Default") && def.containsKey("AllowedValues")) {
                assertThat(list(def.get("AllowedValues")).stream().map(String::valueOf)).as(name)
                        .contains(String.valueOf(def.get("Default")));
            }
        });
    }

    @Test
    void parameters_badValues_rejectedByTheirPattern() {
        assertThat(matches("NightlyOffTime", "25:00")).isFalse();
        assertThat(matches("NightlyOffTime", "7:30")).isFalse();
        assertThat(matches("NightlyOffTime", "07:30")).isTrue();
        assertThat(matches("MorningOnTime", "")).isTrue();
        assertThat(matches("NightlyDeadline", "")).isTrue();
        assertThat(matches("NightlyDeadline", "23:30")).isTrue();
        assertThat(matches("NightlyDeadline", "23.30")).isFalse();
        assertThat(matches("ClientVpnEndpointId", "cvpn-endpoint-XYZ")).isFalse();
        assertThat(matches("ConnectInstanceId", "not-a-uuid")).isFalse();
        assertThat(matches("AdminEmails", "a@example.com, b@example.com")).isTrue();
        assertThat(matches("AdminEmails", "a@example.com,,")).isFalse();
        assertThat(matches("VpnRoutes", "10.20.0.0/16=subnet-0123456789abcdef0")).isTrue();
        assertThat(matches("VpnRoutes", "10.20.0.0/16")).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private static boolean matches(String parameter, String value) {
        return Pattern.compile(String.valueOf(map(TEMPLATE.parameters().get(parameter)).get("AllowedPattern")))
                .matcher(value).matches();
    }

    private static List<Map<String, Object>> statements(String roleId, CfnEvaluator rendered) {
        Map<String, Object> role = map(rendered.evaluate(TEMPLATE.properties(roleId)));
        return list(role.get("Policies")).stream()
                .flatMap(p -> list(map(map(p).get("PolicyDocument")).get("Statement")).stream())
                .map(CfnTemplate::map)
                .toList();
    }

    private static Map<String, Object> statement(String roleId, String sid, CfnEvaluator rendered) {
        return statements(roleId, rendered).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError(roleId + " has no statement " + sid));
    }

    private static Map<String, Object> environment(String function, CfnEvaluator rendered) {
        return map(rendered.evaluate(TEMPLATE.environment(function)));
    }

    private static Map<String, Object> event(String function, String event, CfnEvaluator rendered) {
        return map(rendered.evaluate(map(map(map(TEMPLATE.properties(function).get("Events")).get(event)).get("Properties"))));
    }
}
