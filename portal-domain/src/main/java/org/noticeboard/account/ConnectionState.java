package org.noticeboard.account;

public enum ConnectionState {
    NOT_CONNECTED("Not connected"),
    CONNECTED("Connected"),
    NEEDS_RECONNECT("Needs reconnecting");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
