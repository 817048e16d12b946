package dev.switchboard.vpn.autooff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.LambdaIo;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Placeholder until this function's issue lands: answers 501 to every request. */
public final class VpnAutoOffHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaIo.write(output, AlbResponse.json(501, Map.of("error", "not_implemented")));
    }
}
