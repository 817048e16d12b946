import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * One cold start of one logging choice, in a fresh JVM: parse an event with Jackson (every function does), then
 * write the first log line with the invocation's fields, then a second. Prints to stderr the milliseconds of
 * each step; the log lines go to stdout. Run by ./cold-start, which pins each JVM to one CPU.
 *
 * <ul>
 *   <li>{@code baseline}: a constant line through System.out (what any logging costs at least).</li>
 *   <li>{@code jsonlog}: Switchboard's core/log JsonLog with the Invocation fields.</li>
 *   <li>{@code powertools}: Powertools for AWS Lambda (Java) 1.18 logging: Log4j 2 with its LambdaJsonLayout,
 *       the Lambda fields put with LoggingUtils (what its @Logging aspect does, without AspectJ's own cost).</li>
 *   <li>{@code lambdalogger}: the Java runtime's own JSON LambdaLogger (LambdaContextLogger, JsonLogFormatter).
 *       In Lambda the runtime has loaded it already; here its loading is counted, an upper bound.</li>
 * </ul>
 */
public final class LoggingColdStart {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        JsonNode event = new ObjectMapper().readTree(
                "{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn\"}},\"httpMethod\":\"GET\",\"path\":\"/\"}");
        long parsed = System.nanoTime();
        Context context = new FakeContext();
        // Each choice is its own class, loaded by name, so a JVM loads only the library it measures.
        Runnable line = (Runnable) Class.forName(LoggingColdStart.class.getName() + "$" + args[0])
                .getDeclaredConstructor(Context.class).newInstance(context);
        line.run();
        long first = System.nanoTime();
        line.run();
        long second = System.nanoTime();
        System.out.flush();
        System.err.printf("%s parse=%.1f first=%.1f second=%.3f path=%s%n", args[0], (parsed - start) / 1e6,
                (first - parsed) / 1e6, (second - first) / 1e6, event.path("path").asText());
    }

    static final class baseline implements Runnable {
        baseline(Context context) {
        }

        @Override
        public void run() {
            System.out.println("{\"level\":\"INFO\",\"message\":\"visit\"}");
        }
    }

    static final class jsonlog implements Runnable {
        private final dev.switchboard.core.log.JsonLog log;

        jsonlog(Context context) {
            dev.switchboard.core.log.Invocation.begin(context);
            log = dev.switchboard.core.log.JsonLog.forClass(LoggingColdStart.class);
        }

        @Override
        public void run() {
            log.info("visit", Map.of("path", "/", "status", 200, "state", "associating"));
        }
    }

    static final class powertools implements Runnable {
        private final org.apache.logging.log4j.Logger log;

        powertools(Context context) {
            software.amazon.lambda.powertools.logging.LoggingUtils.appendKeys(Map.of(
                    "function_request_id", context.getAwsRequestId(), "function_name", context.getFunctionName(),
                    "function_version", context.getFunctionVersion(), "coldStart", "true",
                    "xray_trace_id", "1-5759e988-bd862e3fe1be46a994272793"));
            log = org.apache.logging.log4j.LogManager.getLogger(LoggingColdStart.class);
        }

        @Override
        public void run() {
            log.info("visit path={} status={} state={}", "/", 200, "associating");
        }
    }

    static final class lambdalogger implements Runnable {
        private final com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger logger;

        lambdalogger(Context context) {
            logger = new com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger(
                    new com.amazonaws.services.lambda.runtime.api.client.logging.StdOutLogSink(),
                    com.amazonaws.services.lambda.runtime.logging.LogLevel.INFO,
                    com.amazonaws.services.lambda.runtime.logging.LogFormat.JSON);
            logger.setLambdaContext(new com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext(
                    1024, 30_000L, context.getAwsRequestId(), context.getLogGroupName(), context.getLogStreamName(),
                    context.getFunctionName(), null, context.getFunctionVersion(), context.getInvokedFunctionArn(),
                    null));
        }

        @Override
        public void run() {
            logger.log("{\"message\":\"visit\",\"path\":\"/\",\"status\":200}",
                    com.amazonaws.services.lambda.runtime.logging.LogLevel.INFO);
        }
    }

    private static final class FakeContext implements Context {
        public String getAwsRequestId() { return "8f4c5a4e-2c1b-4d8e-9a1f-3b2c1d0e9f8a"; }
        public String getLogGroupName() { return "/aws/lambda/switchboard-VpnPortalFunction"; }
        public String getLogStreamName() { return "2026/12/03/[7]0123456789abcdef"; }
        public String getFunctionName() { return "switchboard-VpnPortalFunction"; }
        public String getFunctionVersion() { return "7"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-northeast-1:123456789012:function:x:live"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
        public String getXrayTraceId() { return "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"; }
    }
}
