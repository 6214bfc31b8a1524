package org.jobsearch.gateway;

/** Settings shared by the gateway's integration tests (one cached Spring context). */
public final class GatewayTestData {

    /** 32 bytes, base64. */
    public static final String SIGNING_KEY = "Z2F0ZXdheS10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=";
    public static final String ADMIN_PASSWORD = "admin-password-from-env";

    private GatewayTestData() {
    }
}
