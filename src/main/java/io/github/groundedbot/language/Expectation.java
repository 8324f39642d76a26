package io.github.groundedbot.language;

/** The kind of answer a question's wording asks for. */
public enum Expectation {
    /** "when", "what year": the answer must hold a date. */
    TIME,
    /** "how many", "how much": the answer must hold a number. */
    QUANTITY,
    /** "where", "in which country": the answer must put something in a place. */
    PLACE,
    /** "why", "what is the reason": the answer must give a cause. */
    REASON,
    /** "what … for?", "what purpose": the answer must say what something is used for. */
    PURPOSE,
    /** "who won …", "who do I ask …": the answer must name who did it, not only the subject. */
    AGENT,
    /** "what is the latest version", "which Ruby version": the answer must hold a version number or name. */
    VERSION,
    /** "which charity …", "which port …": the answer must name one (a name, or a number by the word asked about). */
    NAMED,
    /** Any statement about the subject answers. */
    ANY;

    /** A cause or purpose may be given by a neighbouring fact; a date, number or place must be in the answer's own snippets. */
    public boolean soft() {
        return this == REASON || this == PURPOSE;
    }

    /** A date or a place: the sentence that gives it must say of what ("When was it founded?" needs the founding). */
    public boolean hard() {
        return this == TIME || this == PLACE;
    }
}
