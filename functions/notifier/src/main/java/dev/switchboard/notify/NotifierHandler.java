package dev.switchboard.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.core.log.JsonLog;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The notifier function: a CloudWatch Logs subscription filter on the other functions' log groups invokes it with
 * their audit lines ({@link LogsSubscriptionEvent}); it publishes one chat message per line to the notification
 * topic ({@link NotifierService}) and answers what it did. An event it cannot read is refused with the reason
 * ({@code {"ok":false,"error","message"}}, logged at ERROR) and publishes nothing; retrying it would not help, so
 * the invocation succeeds. A publish that fails fails the invocation, so that Lambda retries the event.
 */
public final class NotifierHandler implements RequestStreamHandler {

    private static final JsonLog LOG = JsonLog.forClass(NotifierHandler.class);

    private final NotifierService service;

    /** Lambda's constructor: real dependencies, built once per container. */
    public NotifierHandler() {
        this(Env.system());
        SnapStartPriming.register(NotifierHandler::prime);
    }

    /** The same from a given configuration (the training run, tests). */
    public NotifierHandler(Env env) {
        this(NotifierConfig.from(env));
    }

    private NotifierHandler(NotifierConfig config) {
        this(SnsNotificationTopic.create(config.region(), config.topicArn()), config);
    }

    NotifierHandler(NotificationTopic topic, NotifierConfig config) {
        this.service = new NotifierService(topic, config);
    }

    /**
     * Runs one audit line through a twin whose SNS client answers from memory (see {@link Priming}): the event's
     * decoding, the message and the SDK's Publish, without calling AWS.
     */
    public static void prime() {
        Priming.quietly("notifier", () -> primingRun());
    }

    static List<String> primingRun() {
        String answer = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>00000000-0000-4000-8000-000000000000</MessageId></PublishResult><ResponseMetadata>"
                + "<RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata></PublishResponse>";
        try (SnsClient sns = Priming.client(SnsClient.builder(), Priming.cannedHttp(request -> answer))) {
            NotifierConfig config = NotifierConfig.from(Priming.environment());
            NotifierHandler twin = new NotifierHandler(new SnsNotificationTopic(sns, config.topicArn()), config);
            String line = "{\"type\":\"audit\",\"actor\":\"" + Priming.EMAIL + "\",\"actorSub\":null,\"sourceIp\":"
                    + "\"192.0.2.1\",\"action\":\"vpn.on\",\"target\":\"cvpn-endpoint-00000000000000000\",\"result\":\"ok\","
                    + "\"subnets\":[\"subnet-00000000000000001\"]}";
            return Priming.run(twin, List.of(Priming.command(subscriptionEvent("/aws/lambda/priming", line))));
        }
    }

    /** A subscription event carrying {@code lines} as CloudWatch Logs would (for priming). */
    static String subscriptionEvent(String logGroup, String... lines) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageType", LogsSubscriptionEvent.DATA_MESSAGE);
        data.put("owner", "000000000000");
        data.put("logGroup", logGroup);
        data.put("logStream", "priming");
        data.put("subscriptionFilters", List.of("priming"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            events.add(Map.of("id", String.format("%056d", i), "timestamp", 0L, "message", lines[i]));
        }
        data.put("logEvents", events);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(Json.write(data).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(gzip.toByteArray()) + "\"}}";
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try (Invocation invocation = Invocation.begin(context)) {
            LambdaIo.write(output, handle(input));
        }
    }

    Object handle(InputStream input) {
        try {
            return service.deliver(LogsSubscriptionEvent.from(LambdaIo.readEvent(input)));
        } catch (SwitchboardException e) {
            if (e.error() == NotifyErrors.PUBLISH_FAILED) {
                throw e;
            }
            LOG.error("refused the event; nothing was published", Map.of("code", e.code()), e);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", false);
            answer.put("error", e.code());
            answer.put("message", e.userMessage());
            return answer;
        }
    }
}
