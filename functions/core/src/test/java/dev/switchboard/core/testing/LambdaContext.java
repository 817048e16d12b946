package dev.switchboard.core.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The context Lambda passes a handler, with the few values the log lines carry; the rest as Lambda sets it. */
public record LambdaContext(String requestId, String functionName, String functionVersion, String xrayTraceHeader)
        implements Context {

    public static LambdaContext of(String requestId) {
        return new LambdaContext(requestId, "switchboard-VpnPortalFunction-AbCdEf123456", "7",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/03/[" + functionVersion + "]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:ap-northeast-1:123456789012:function:" + functionName + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        throw new UnsupportedOperationException("Switchboard logs through JsonLog, never the LambdaLogger");
    }

    @Override
    public String getXrayTraceId() {
        return xrayTraceHeader;
    }
}
