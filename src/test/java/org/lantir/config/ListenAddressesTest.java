package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "::1", "[::1]", "::", "fe80::1%eth0",
        "localhost", "mwl-server.hospital.example", "host.example.", "10.0.0.255"})
    void addressesAndHostNamesAreTaken(String host) {
        assertThat(ListenAddresses.isPlausible(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a host!", "256.0.0.1", "1.2.3", "-bad.example",
        "bad-.example", "a..b", "http://x", "[localhost]", "under_score.example"})
    void otherTextIsRefused(String host) {
        assertThat(ListenAddresses.isPlausible(host)).isFalse();
    }
}
