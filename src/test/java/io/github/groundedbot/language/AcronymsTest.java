package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcronymsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The International Space Station orbits the Earth.|ISS|International Space Station",
            "It is run by the National Earthquake Information Center.|NEIC|National Earthquake Information Center",
            "The Department of Energy funds it.|DE|Department of Energy",
            "The Department of Energy funds it.|DOE|Department of Energy",
            "Data from the United States Geological Survey, in short.|USGS|United States Geological Survey"})
    void aMultiWordNameGivesItsAcronym(String text, String acronym, String name) {
        assertThat(Acronyms.in(text)).containsEntry(acronym, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Redis keeps data in memory.", "NASA launched it.", "Ask about Huawei, Nvidia or AMD.",
            "Earthquakes happen. Scientists measure them.", "The Station of"})
    void aTextWithoutAMultiWordNameGivesNone(String text) {
        assertThat(Acronyms.in(text)).isEmpty();
    }
}
