package io.github.groundedbot.widget;

import io.vertx.core.net.HostAndPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading origins, and knowing the bot's own. */
class OriginTest {

    @ParameterizedTest
    @CsvSource({
            "https://help.example.com,       https://help.example.com",
            "https://help.example.com:443,   https://help.example.com",
            "HTTPS://Help.Example.COM,       https://help.example.com",
            "http://127.0.0.1:8081,          http://127.0.0.1:8081",
            "http://intranet:80,             http://intranet",
            "https://help.example.com:8443,  https://help.example.com:8443",
    })
    void spellingsOfOneOriginAreOneOrigin(String text, String written) {
        assertEquals(written, Origin.configured(text).toString());
        assertEquals(Origin.configured(written), Origin.configured(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "help.example.com", "https://help.example.com/", "https://help.example.com/faq",
        "https://help.example.com?x=1", "https://user@help.example.com", "ftp://help.example.com", "file:///tmp/a.html",
        "*", "https://*.example.com"})
    void anythingButABareOriginIsNotOne(String text) {
        assertTrue(Origin.parse(text).isEmpty(), text);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Origin.configured(text));
        assertTrue(refused.getMessage().contains("widget.allowed-origins"), refused.getMessage());
    }

    @Test
    void aWrongEntryInTheListIsNamed() {
        WidgetConfig config = () -> Optional.of(List.of("https://help.example.com", "https://intranet.example.com/portal"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new WidgetOrigins(config));
        assertTrue(refused.getMessage().contains("https://intranet.example.com/portal"), refused.getMessage());
    }

    @Test
    void theListIsKeptAsBrowsersWriteOrigins() {
        WidgetConfig config = () -> Optional.of(List.of("HTTPS://Help.Example.com:443", "http://intranet:8081", " "));
        assertEquals(List.of("http://intranet:8081", "https://help.example.com"), new WidgetOrigins(config).allowed());
    }

    @ParameterizedTest
    @CsvSource({
            // origin,                       Host header,        own
            "http://localhost:8080,          localhost:8080,     true",
            "http://localhost:8080,          localhost:9090,     false",
            "https://bot.example,            bot.example,        true",
            "https://bot.example,            bot.example:443,    true",
            // TLS ended by a proxy that keeps the Host: the scheme is not compared
            "https://bot.example:8443,       bot.example:8443,   true",
            "http://bot.example,             BOT.example,        true",
            "https://help.example.com,       bot.example,        false",
            "https://bot.example.evil.com,   bot.example,        false",
    })
    void theBotsOwnOriginIsTheOneItIsServedAt(String origin, String host, boolean own) {
        assertEquals(own, Origin.configured(origin).isServedAt(HostAndPort.parseAuthority(host, -1)));
    }
}
