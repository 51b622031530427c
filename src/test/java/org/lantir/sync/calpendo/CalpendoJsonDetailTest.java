package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A detail answer for another booking than the one asked for names both ids. */
class CalpendoJsonDetailTest {

    @Test
    void theDetailsOfAnotherBookingNameBothBookings() throws Exception {
        var answer = new ObjectMapper().readTree("{\"id\": 9009, \"title\": \"x\"}");

        assertThatThrownBy(() -> CalpendoJson.detail(answer, 9008))
                .isInstanceOf(CalpendoJson.ShapeException.class)
                .hasMessage("the details of booking 9009 when asked for booking 9008");
    }
}
