package dev.switchboard.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each contract check fed a small template that breaks it: the check must say so (and stay quiet on the good parts). */
class TemplateChecksTest {

    private static final Path ROOT = RepoRoot.get();

    private static CfnTemplate template(String resources) {
        return CfnTemplate.parse("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Endpoint: { Type: String }
                Conditions:
                  Wanted: !Equals [!Ref Endpoint, "x"]
                  WantedAndMore: !And [!Condition Wanted, !Equals [!Ref Endpoint, "x"]]
                Resources:
                """ + resources.indent(2));
    }

    // ---------------------------------------------------------------- handlers

    @Test
    void handlerProblems_missingClass_reported() {
        CfnTemplate t = template(function("VpnPortalFunction", "dev.switchboard.vpn.portal.NoSuchHandler::handleRequest"));

        assertThat(TemplateChecks.handlerProblems(t, ROOT))
                .containsExactly("VpnPortalFunction: handler class dev.switchboard.vpn.portal.NoSuchHandler does not exist");
    }

    @Test
    void handlerProblems_classThatIsNoRequestStreamHandler_reported() {
        CfnTemplate t = template(function("VpnPortalFunction", "dev.switchboard.core.json.Json::handleRequest"));

        assertThat(TemplateChecks.handlerProblems(t, ROOT))
                .containsExactly("VpnPortalFunction: dev.switchboard.core.json.Json is not a RequestStreamHandler");
    }

    @Test
    void handlerProblems_handlerOfAnotherModule_reported() {
        CfnTemplate t = template(function("VpnPortalFunction", "dev.switchboard.vpn.autooff.VpnAutoOffHandler::handleRequest"));

        assertThat(TemplateChecks.handlerProblems(t, ROOT)).containsExactly("VpnPortalFunction: "
                + "dev.switchboard.vpn.autooff.VpnAutoOffHandler is not in module functions/vpn-portal, the one its build packages");
    }

    @Test
    void handlerProblems_noMakefileTargetOrMissingCodeUri_reported() {
        CfnTemplate t = template(function("UnknownFunction", "dev.switchboard.vpn.portal.VpnPortalHandler::handleRequest") + """
                Other:
                  Type: AWS::Serverless::Function
                  Properties:
                    CodeUri: functions/no-such-module
                    Runtime: java21
                    Handler: dev.switchboard.vpn.portal.VpnPortalHandler::handleRequest
                """);

        assertThat(TemplateChecks.handlerProblems(t, ROOT)).contains(
                "UnknownFunction: the Makefile has no target build-UnknownFunction naming a functions/<module>",
                "Other: CodeUri functions/no-such-module is not an existing functions/<module> path");
    }

    @Test
    void handlerProblems_realHandlerInItsModule_noProblem() {
        CfnTemplate t = template(function("VpnPortalFunction", "dev.switchboard.vpn.portal.VpnPortalHandler::handleRequest"));

        assertThat(TemplateChecks.handlerProblems(t, ROOT)).isEmpty();
    }

    // ---------------------------------------------------------------- environment

    @Test
    void environmentProblems_variableReadButNotSet_reportedWithoutUnreachedCommentedOrPlatformOnes(@TempDir Path repo)
            throws IOException {
        write(repo, "functions/core/pom.xml", pom("switchboard-core", ""));
        write(repo, "functions/core/src/main/java/x/Settings.java", """
                package x;
                class Settings { static String url(Env env) { return env.required("FOO_URL", P, "a url"); } }
                """);
        write(repo, "functions/core/src/main/java/x/Unused.java", """
                package x;
                class Unused { static int n(Env env) { return env.integer("NEVER_LOADED", 1, 0, 2); } }
                """);
        write(repo, "functions/app/pom.xml", pom("switchboard-app", """
                <dependency><groupId>dev.switchboard</groupId><artifactId>switchboard-core</artifactId></dependency>
                """));
        write(repo, "functions/app/src/main/java/x/AppHandler.java", """
                package x;
                class AppHandler {
                    // env.required("IN_COMMENT") is only talk
                    String a = Settings.url(Env.system());
                    String b = System.getenv("DIRECT_READ");
                    String c = Env.system().optional("AWS_REGION").orElse("");
                    String d = "Unused is just a word in a string";
                }
                """);
        write(repo, "Makefile", "build-AppFunction:\n\t$(call package-function,app)\n");
        CfnTemplate t = template("""
                AppFunction:
                  Type: AWS::Serverless::Function
                  Metadata: { BuildMethod: makefile }
                  Properties:
                    CodeUri: .
                    Handler: x.AppHandler::handleRequest
                    Environment:
                      Variables:
                        FOO_URL: https://example.com
                """);

        assertThat(new SourceScan(repo).environmentReads("app")).containsExactly("DIRECT_READ", "FOO_URL");
        assertThat(TemplateChecks.environmentProblems(t, repo))
                .containsExactly("AppFunction: functions/app reads DIRECT_READ but the template does not set it");
    }

    @Test
    void environmentProblems_templateSetsAwsRegion_reported(@TempDir Path repo) throws IOException {
        write(repo, "functions/app/pom.xml", pom("switchboard-app", ""));
        write(repo, "functions/app/src/main/java/x/AppHandler.java", "package x; class AppHandler {}\n");
        write(repo, "Makefile", "build-AppFunction:\n\tcp functions/app/target/x.jar $(ARTIFACTS_DIR)\n");
        CfnTemplate t = template("""
                AppFunction:
                  Type: AWS::Serverless::Function
                  Metadata: { BuildMethod: makefile }
                  Properties:
                    CodeUri: .
                    Handler: x.AppHandler::handleRequest
                    Environment: { Variables: { AWS_REGION: us-east-1 } }
                """);

        assertThat(TemplateChecks.environmentProblems(t, repo))
                .containsExactly("AppFunction: sets AWS_REGION, which Lambda or the SDK owns");
    }

    // ---------------------------------------------------------------- IAM

    @Test
    void iamProblems_mutatingActionOnEverything_reported() {
        CfnTemplate t = template(role("""
                - Effect: Allow
                  Action: [ec2:DescribeClientVpnEndpoints, ec2:AssociateClientVpnTargetNetwork]
                  Resource: "*"
                - Effect: Allow
                  Action: connect:UpdateAuthenticationProfile
                  Resource: !If [Wanted, "*", !Sub "arn:aws:connect:::instance/${Endpoint}"]
                """));

        assertThat(TemplateChecks.iamProblems(t)).containsExactly(
                "Role: ec2:AssociateClientVpnTargetNetwork changes things but is granted on Resource \"*\"",
                "Role: connect:UpdateAuthenticationProfile changes things but is granted on Resource \"*\"");
    }

    @Test
    void iamProblems_serviceWildcardsAndNotAction_reported() {
        CfnTemplate t = template(role("""
                - Sid: Everything
                  Effect: Allow
                  Action: [ec2:*, connect:*]
                  Resource: !Sub "arn:aws:ec2:::client-vpn-endpoint/${Endpoint}"
                - Effect: Allow
                  NotAction: iam:*
                  Resource: arn:aws:s3:::bucket
                """));

        assertThat(TemplateChecks.iamProblems(t)).containsExactly(
                "Role/Everything: wildcard action ec2:*",
                "Role/Everything: wildcard action connect:*",
                "Role: NotAction/NotResource grant more than they name");
    }

    @Test
    void iamProblems_fullAccessManagedPolicies_reported() {
        CfnTemplate t = template("""
                Role:
                  Type: AWS::IAM::Role
                  Properties:
                    ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonEC2FullAccess]
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies: [CloudWatchLogsFullAccess]
                """);

        assertThat(TemplateChecks.iamProblems(t)).containsExactly(
                "Role: broad managed policy arn:aws:iam::aws:policy/AmazonEC2FullAccess",
                "Fn: broad managed policy CloudWatchLogsFullAccess");
    }

    @Test
    void iamProblems_readOnlyOnEverythingAndScopedWrites_noProblem() {
        CfnTemplate t = template(role("""
                - Effect: Allow
                  Action: [ec2:DescribeClientVpnConnections, connect:ListAuthenticationProfiles, connect:GetFederationToken]
                  Resource: "*"
                - Effect: Allow
                  Action: ec2:DisassociateClientVpnTargetNetwork
                  Resource: !Sub "arn:aws:ec2:::client-vpn-endpoint/${Endpoint}"
                """));

        assertThat(TemplateChecks.iamProblems(t)).isEmpty();
    }

    // ---------------------------------------------------------------- logs

    @Test
    void logGroupProblems_missingSharedOrUnretainedLogGroups_reported() {
        CfnTemplate t = template("""
                NoLogs:
                  Type: AWS::Serverless::Function
                  Properties: { Role: !GetAtt Role.Arn }
                First:
                  Type: AWS::Serverless::Function
                  Properties:
                    Role: !GetAtt Role.Arn
                    LoggingConfig: { LogFormat: JSON, LogGroup: !Ref Forever }
                Second:
                  Type: AWS::Serverless::Function
                  Properties:
                    Role: !GetAtt Role.Arn
                    LoggingConfig: { LogFormat: Text, LogGroup: !Ref Forever }
                Forever:
                  Type: AWS::Logs::LogGroup
                Role:
                  Type: AWS::IAM::Role
                  Properties:
                    Policies:
                      - PolicyName: logs
                        PolicyDocument:
                          Statement:
                            - { Effect: Allow, Action: [logs:PutLogEvents], Resource: !GetAtt Forever.Arn }
                """);

        assertThat(TemplateChecks.logGroupProblems(t)).containsExactly(
                "NoLogs: LoggingConfig.LogGroup must !Ref its own AWS::Logs::LogGroup",
                "Forever: log group of First keeps logs forever (no RetentionInDays)",
                "Second: LoggingConfig.LogFormat must be JSON",
                "Forever: log group of Second keeps logs forever (no RetentionInDays)",
                "Forever: shared by First and Second");
    }

    @Test
    void logGroupProblems_roleCannotWriteOrConditionDiffers_reported() {
        CfnTemplate t = template("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Role: !GetAtt Role.Arn
                    LoggingConfig: { LogFormat: JSON, LogGroup: !Ref Logs }
                Logs:
                  Type: AWS::Logs::LogGroup
                  Condition: Wanted
                  Properties: { RetentionInDays: 30 }
                Role:
                  Type: AWS::IAM::Role
                """);

        assertThat(TemplateChecks.logGroupProblems(t)).containsExactly(
                "Logs: must exist exactly when Fn does (same Condition)",
                "Fn: its role has no logs:PutLogEvents on Logs");
    }

    // ---------------------------------------------------------------- operations

    @Test
    void operationsProblems_alarmsFiltersQueriesAndPoliciesReachingOutside_reported() {
        CfnTemplate t = template("""
                Topic:
                  Type: AWS::SNS::Topic
                Logs:
                  Type: AWS::Logs::LogGroup
                Silent:
                  Type: AWS::CloudWatch::Alarm
                  Properties: { MetricName: Errors }
                Elsewhere:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    AlarmActions: [!Ref Topic]
                    OKActions: ["arn:aws:sns:ap-northeast-1:999999999999:someone-else"]
                Filter:
                  Type: AWS::Logs::MetricFilter
                  Properties: { LogGroupName: /aws/lambda/another-app }
                Query:
                  Type: AWS::Logs::QueryDefinition
                  Properties: { LogGroupNames: [!Ref Logs, /aws/lambda/another-app] }
                Open:
                  Type: AWS::SNS::TopicPolicy
                  Properties:
                    Topics: [!Ref Topic]
                    PolicyDocument:
                      Statement: [{ Effect: Allow, Principal: "*", Action: sns:Publish, Resource: !Ref Topic }]
                """);

        assertThat(TemplateChecks.operationsProblems(t)).containsExactly(
                "Silent: has no AlarmActions, so nobody hears it",
                "Elsewhere: notifies arn:aws:sns:ap-northeast-1:999999999999:someone-else, which is not an SNS topic of this stack",
                "Filter: reads a log group that is not one of this stack's",
                "Query: LogGroupNames must name only this stack's log groups",
                "Open: opens a topic to every principal");
    }

    @Test
    void operationsProblems_ownTopicsAndLogGroupsUnderConditions_noProblem() {
        CfnTemplate t = template("""
                Topic:
                  Type: AWS::SNS::Topic
                Logs:
                  Type: AWS::Logs::LogGroup
                Optional:
                  Type: AWS::Logs::LogGroup
                  Condition: Wanted
                Alarm:
                  Type: AWS::CloudWatch::Alarm
                  Properties: { AlarmActions: [!Ref Topic], OKActions: [!Ref Topic] }
                Filter:
                  Type: AWS::Logs::MetricFilter
                  Properties: { LogGroupName: !Ref Logs }
                Query:
                  Type: AWS::Logs::QueryDefinition
                  Properties:
                    LogGroupNames: !If [Wanted, [!Ref Logs, !Ref Optional], [!Ref Logs]]
                """);

        assertThat(TemplateChecks.operationsProblems(t)).isEmpty();
    }

    @Test
    void operationsProblems_subscriptionsReachingOutsideOrNotAllowedOrTooMany_reported() {
        CfnTemplate t = template(function("Notifier", "dev.switchboard.notify.NotifierHandler::handleRequest") + """
                Logs:
                  Type: AWS::Logs::LogGroup
                Other:
                  Type: AWS::Logs::LogGroup
                """ + logsPermission("Allowed", "") + """
                AnyGroup:
                  Type: AWS::Lambda::Permission
                  Properties:
                    Action: lambda:InvokeFunction
                    FunctionName: !Ref Notifier.Alias
                    Principal: logs.amazonaws.com
                    SourceArn: arn:aws:logs:ap-northeast-1:123456789012:log-group:*
                Foreign:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: { LogGroupName: /aws/lambda/another-app, FilterPattern: "", DestinationArn: !Ref Notifier.Alias }
                Outside:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: { LogGroupName: !Ref Logs, FilterPattern: "", DestinationArn: "arn:aws:lambda:ap-northeast-1:999999999999:function:x" }
                NotAllowed:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: { LogGroupName: !Ref Other, FilterPattern: "", DestinationArn: !Ref Notifier.Alias }
                First:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: { LogGroupName: !Ref Logs, FilterPattern: "", DestinationArn: !Ref Notifier.Alias }
                Second:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: { LogGroupName: !Ref Logs, FilterPattern: "", DestinationArn: !Ref Notifier.Alias }
                """);

        assertThat(TemplateChecks.operationsProblems(t)).containsExactly(
                "AnyGroup: lets CloudWatch Logs invoke for a SourceArn that is not one of this stack's log groups",
                "AnyGroup: SourceAccount must be !Ref AWS::AccountId",
                "Foreign: reads a log group that is not one of this stack's",
                "Outside: delivers to arn:aws:lambda:ap-northeast-1:999999999999:function:x, which is not a function of this stack",
                "NotAllowed: no AWS::Lambda::Permission lets CloudWatch Logs invoke {Ref=Notifier.Alias} for Other",
                "Logs: more than two subscription filters (CloudWatch Logs allows two per log group)");
    }

    @Test
    void operationsProblems_subscriptionToOwnFunctionAllowedForItsLogGroup_noProblem() {
        CfnTemplate t = template(function("Notifier", "dev.switchboard.notify.NotifierHandler::handleRequest") + """
                Logs:
                  Type: AWS::Logs::LogGroup
                  Condition: Wanted
                """ + logsPermission("Allowed", "Wanted") + """
                Audit:
                  Type: AWS::Logs::SubscriptionFilter
                  Condition: Wanted
                  DependsOn: Allowed
                  Properties: { LogGroupName: !Ref Logs, FilterPattern: '{ $.type = "audit" }', DestinationArn: !Ref Notifier.Alias }
                """);

        assertThat(TemplateChecks.operationsProblems(t)).isEmpty();
    }

    // ---------------------------------------------------------------- references

    @Test
    void referenceProblems_unknownTargets_reported() {
        CfnTemplate t = template("""
                Topic:
                  Type: AWS::SNS::Topic
                  DependsOn: Ghost
                  Properties:
                    TopicName: !Ref Missing
                    DisplayName: !GetAtt Absent.Name
                    KmsMasterKeyId: !Sub "${Nope}-${Gone.Arn}-${AWS::Region}-${!Literal}-${Local}"
                    Tags: [{ Key: a, Value: !Sub ["${Local}", { Local: !Ref Endpoint }] }]
                    DataProtectionPolicy: !Ref Fn.Alias
                Fn:
                  Type: AWS::Serverless::Function
                """);

        assertThat(TemplateChecks.referenceProblems(t)).containsExactlyInAnyOrder(
                "Topic: Ref to Missing, which is not a parameter, resource or pseudo parameter",
                "Topic: GetAtt to Absent, which is not a resource",
                "Topic: Ref to Nope, which is not a parameter, resource or pseudo parameter",
                "Topic: GetAtt to Gone.Arn, which is not a resource",
                "Topic: Ref to Local, which is not a parameter, resource or pseudo parameter",
                "Topic: Ref to Fn.Alias, which is not a parameter, resource or pseudo parameter",
                "Topic: DependsOn Ghost, which is not a resource");
    }

    // ---------------------------------------------------------------- conditions

    @Test
    void conditionProblems_undefinedUnusedAndUnguarded_reported() {
        CfnTemplate t = CfnTemplate.parse("""
                Parameters:
                  P: { Type: String }
                Conditions:
                  Wanted: !Equals [!Ref P, "x"]
                  Unused: !Equals [!Ref P, "y"]
                Resources:
                  Optional:
                    Type: AWS::SNS::Topic
                    Condition: Wanted
                  Always:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt Optional.TopicName
                      DisplayName: !If [Undefined, a, b]
                Outputs:
                  Name:
                    Value: !Ref Optional
                """);

        assertThat(TemplateChecks.conditionProblems(t)).containsExactlyInAnyOrder(
                "condition Undefined is used but not defined in Conditions",
                "condition Unused is defined but never used",
                "Always: uses Optional, which exists only when Wanted, without being under that condition",
                "Outputs.Name: uses Optional, which exists only when Wanted, without being under that condition");
    }

    @Test
    void conditionProblems_referencesUnderTheConditionOrAnAndOverIt_noProblem() {
        CfnTemplate t = template("""
                Optional:
                  Type: AWS::SNS::Topic
                  Condition: Wanted
                Guarded:
                  Type: AWS::SNS::Topic
                  Properties:
                    TopicName: !If [Wanted, !GetAtt Optional.TopicName, plain]
                Narrower:
                  Type: AWS::SNS::Topic
                  Condition: WantedAndMore
                  DependsOn: Optional
                  Properties:
                    TopicName: !Ref Optional
                """);

        assertThat(TemplateChecks.conditionProblems(t)).isEmpty();
    }

    // ---------------------------------------------------------------- cycles

    @Test
    void cycleProblems_referenceAndDependsOnLoops_reported() {
        CfnTemplate t = template("""
                Group:
                  Type: AWS::ElasticLoadBalancingV2::TargetGroup
                  DependsOn: Permission
                  Properties:
                    Targets: [{ Id: !Ref Fn.Alias }]
                Permission:
                  Type: AWS::Lambda::Permission
                  Properties:
                    FunctionName: !Ref Fn
                    SourceArn: !Ref Group
                Fn:
                  Type: AWS::Serverless::Function
                """);

        assertThat(TemplateChecks.cycleProblems(t)).containsExactly("dependency cycle: Group -> Permission -> Group");
    }

    // ---------------------------------------------------------------- events

    @Test
    void eventProblems_badFiles_reportedAndGoodOnesAccepted(@TempDir Path events) throws IOException {
        CfnTemplate real = CfnTemplate.load(ROOT.resolve("template.yaml"));
        Files.writeString(events.resolve("vpn-portal-on.json"), "{\"requestContext\":{\"elb\":{}},\"path\":\"/\"}");
        Files.writeString(events.resolve("vpn-auto-off-idle.json"), "{\"mode\":\"idle\"}");
        Files.writeString(events.resolve("connect-list.json"), "{\"action\":\"list\"}");
        Files.writeString(events.resolve("mystery-thing.json"), "{}");
        Files.writeString(events.resolve("vpn-auto-off-broken.json"), "{\"mode\":");
        Files.writeString(events.resolve("vpn-auto-off-list.json"), "[1, 2]");
        Files.writeString(events.resolve("vpn-auto-off-page.json"), "{\"requestContext\":{\"elb\":{}}}");
        Files.writeString(events.resolve("notes.txt"), "not an event");

        assertThat(TemplateChecks.eventProblems(real, ROOT, events))
                .hasSize(4)
                .anyMatch(p -> p.startsWith("mystery-thing.json: names no function"))
                .anyMatch(p -> p.startsWith("vpn-auto-off-broken.json: not valid JSON"))
                .contains("vpn-auto-off-list.json: must be a JSON object",
                        "vpn-auto-off-page.json: an ALB event, but no target group puts VpnAutoOffFunction behind the ALB");
    }

    @Test
    void eventPrefixes_modules_fullNamesAndUnsharedShortForms() {
        assertThat(TemplateChecks.eventPrefixes(java.util.Map.of(
                "P", "vpn-portal", "A", "vpn-auto-off", "C", "connect-ip-rules")))
                .containsOnlyKeys("vpn-portal", "vpn-auto-off", "vpn-auto", "connect-ip-rules", "connect-ip", "connect");
    }

    // ---------------------------------------------------------------- helpers

    private static String function(String id, String handler) {
        return """
                %s:
                  Type: AWS::Serverless::Function
                  Metadata: { BuildMethod: makefile }
                  Properties:
                    CodeUri: .
                    Runtime: java21
                    Handler: %s
                """.formatted(id, handler);
    }

    /** A permission for CloudWatch Logs to invoke the Notifier's alias for log group Logs, of this account. */
    private static String logsPermission(String id, String condition) {
        return """
                %s:
                  Type: AWS::Lambda::Permission
                  %s
                  Properties:
                    Action: lambda:InvokeFunction
                    FunctionName: !Ref Notifier.Alias
                    Principal: logs.amazonaws.com
                    SourceAccount: !Ref AWS::AccountId
                    SourceArn: !GetAtt Logs.Arn
                """.formatted(id, condition.isEmpty() ? "" : "Condition: " + condition);
    }

    private static String role(String statements) {
        return """
                Role:
                  Type: AWS::IAM::Role
                  Properties:
                    AssumeRolePolicyDocument:
                      Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: "sts:*" }]
                    Policies:
                      - PolicyName: p
                        PolicyDocument:
                          Statement:
                """ + statements.indent(12);
    }

    private static String pom(String artifactId, String dependencies) {
        return """
                <project><parent><artifactId>switchboard-parent</artifactId></parent>
                <artifactId>%s</artifactId>
                <dependencies>%s
                <dependency><groupId>dev.switchboard</groupId><artifactId>switchboard-test-only</artifactId><scope>test</scope></dependency>
                </dependencies></project>
                """.formatted(artifactId, dependencies);
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
