package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The ban took effect in October 2022.|true",
            "It was first held in 1909.|true",
            "The rules changed last spring.|true",
            "Users may store strings and lists.|false",
            "Redis has been single-threaded since it is simpler.|false",
            "A license ends when the copyright in the work ends.|true",
            "Your plan renews until you cancel it.|true",
            "Huawei designs memory chips.|false"})
    void aDateIsAYearAMonthASeasonOrAnEventButNotMayOrSince(String sentence, boolean time) {
        assertThat(AnswerCues.mentionsTime(sentence)).isEqualTo(time);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "An instance holds up to 250 million keys.|How many keys?|true",
            "Twelve companies joined.|How many companies joined?|true",
            "Several companies joined.|How many companies joined?|false",
            "One of its features is a private mode.|How much does it cost?|false",
            "The race started in 1903.|How many riders started in 1903?|false",
            "Redis is an in-memory store.|How much memory?|false",
            "It sold 300 units.|How many of the 3000 units sold?|true",
            "It sold 300 units.|How many sold in 2024, and were there 300?|false",
            "Ten riders finished.|How many of the often late riders finished?|true",
            "Ten riders finished.|How many, of ten, finished?|false"})
    void aQuantityIsANumberTheQuestionDidNotBring(String sentence, String question, boolean quantity) {
        assertThat(AnswerCues.mentionsQuantity(sentence, question)).isEqualTo(quantity);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The US restricted exports because of security concerns.|true",
            "The shortage led to higher prices.|true",
            "The bike was named after its inventor.|true",
            "The list is public, which is why members are named.|true",
            "Showing it openly is meant to challenge others.|true",
            "The list is public, so members are named.|false",
            "Redis stores keys in memory.|false"})
    void aReasonIsStatedByItsCue(String sentence, boolean reason) {
        assertThat(AnswerCues.givesReason(sentence)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ByteDance used ChatGPT to build its own model.|true",
            "The fund exists so that schools can buy books.|true",
            "The site helps people ask public bodies for information.|true",
            "Redis is fast.|false"})
    void aPurposeIsStatedByItsCue(String sentence, boolean purpose) {
        assertThat(AnswerCues.givesPurpose(sentence)).isEqualTo(purpose);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Most earthquakes occur in three large zones.|true",
            "The centre sits near the coast.|true",
            "The centre locates about 20,000 earthquakes each year.|false",
            "The model was released on Hugging Face.|true",
            "The mountain bike was invented in Marin County.|true",
            "You can change it on the settings page.|true",
            "Report the site to Google Safe Browsing.|true",
            "Downloads are kept, usually, in ~/Library/Caches/Homebrew.|true",
            "The default prefix is /usr/local.|true",
            "It speaks HTTP/2 and/or HTTP/3, 24/7, for $5 /month.|false",
            "It is a nonprofit organization, active around the world.|false",
            "From January 1, 2026, the board made her its director.|false"})
    void aPlaceIsALocationWordOrANameAfterAPrepositionOfPlace(String sentence, boolean place) {
        assertThat(AnswerCues.givesPlace(sentence)).isEqualTo(place);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TIME|It opened in 1999.|true", "TIME|It is open.|false",
            "ANY|Anything at all.|true"})
    void fitsAsksTheCueOfTheExpectation(Expectation expectation, String sentence, boolean fits) {
        assertThat(AnswerCues.fits(expectation, sentence, "question?")).isEqualTo(fits);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Version 4.0 added database rights.|What is the latest version?|true",
            "It needs Java 17 or later.|Which Java version does it need?|true",
            "Since macOS Ventura, upgrades need a permission.|From which macOS version on is it needed?|true",
            "Casks with version :latest have no version number.|What is the latest version of Homebrew?|false",
            "Homebrew compares the SHA-256 checksum.|What is the latest version of Homebrew?|false",
            "Redis 7 is faster than Redis 6.|Is Redis 6 the latest version?|true",
            "Redis 6 added threads.|Is Redis 6 the latest version?|false",
            "The 4.0-beta is out.|What is the latest version?|false"})
    void aVersionIsANumberOrANameTheQuestionDoesNotHold(String sentence, String question, boolean version) {
        assertThat(AnswerCues.givesVersion(sentence, question)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UK donors can give to Project Healthy Children.|Which charity can UK donors support?|true",
            "Huawei leads the effort.|which company leads the effort|true",
            "The Trust assesses its top charities.|Which charity does the Trust rank first?|false",
            "You can save 1,000 lives by giving well.|Which charity saves most lives?|false",
            "curl connects to port 990 by default.|Which port does curl use?|true",
            "It listens on 6379 ports at most.|Which port does it use?|true"})
    void aNamedAnswerHasANameTheQuestionDoesNotHoldOrANumberByTheKindAsked(String sentence, String question,
                                                                        boolean named) {
        assertThat(AnswerCues.namesOne(sentence, question)).isEqualTo(named);
    }
}
