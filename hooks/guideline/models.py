"""The definitions of every structured source: quizzes/ (questions, checklist, settings, search words).

One set of pydantic models is both the validator and, through guideline.schema, the JSON Schema that editors use
while one types. The organization's settings have their own module (guideline.organization).
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from guideline.languages import LANGUAGES

MAX_TEXT = 2000

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]


class Strict(BaseModel):
    """A source mapping in which an unknown key (usually a typo) is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(Strict):
    """One text in both languages."""

    fi: NonEmptyText
    sv: NonEmptyText

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


assert tuple(Texts.model_fields) == LANGUAGES, "Texts must have one field per language"

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=60),
               Field(description="A stable id: lowercase letters, digits and hyphens. Never reuse an old id.")]
Page = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_/-]*\.md$"),
                 Field(description="A guideline page, for example interaction.md")]
See = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_/-]*\.md#[a-z][a-z0-9-]*$"),
                Field(description="The page and rule anchor this comes from, for example interaction.md#respond-quickly")]


class Option(Strict):
    """One answer option of a single or multiple choice question."""

    text: Texts
    correct: bool
    feedback: Texts = Field(description="Why this option is right or wrong, shown when it is chosen.")


class ChoiceQuestion(Strict):
    """A question with options: `single` has exactly one correct option, `multiple` at least one."""

    id: Id
    type: Literal["single", "multiple"]
    question: Texts
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]
    explanation: Texts = Field(description="The rule in 1-3 sentences, shown after answering.")
    see: See

    @model_validator(mode="after")
    def correct_options(self) -> "ChoiceQuestion":
        correct = sum(option.correct for option in self.options)
        if self.type == "single" and correct != 1:
            raise PydanticCustomError("single_correct", "single needs one correct option",
                                      {"key": "error.single_needs_one_correct", "count": correct})
        if self.type == "multiple" and correct == 0:
            raise PydanticCustomError("multiple_correct", "multiple needs a correct option",
                                      {"key": "error.multiple_needs_a_correct"})
        return self


class TrueFalseFeedback(Strict):
    """Feedback for a learner who answered true, and for one who answered false."""

    if_true: Texts
    if_false: Texts


class TrueFalseQuestion(Strict):
    """A statement the learner judges true or false."""

    id: Id
    type: Literal["true-false"]
    question: Texts
    answer: bool
    feedback: TrueFalseFeedback
    explanation: Texts
    see: See


Question = Annotated[Union[ChoiceQuestion, TrueFalseQuestion], Field(discriminator="type")]


class QuestionFile(Strict):
    """A file of questions for one guideline chapter."""

    chapter: Page
    questions: Annotated[list[Question], Field(min_length=1)]


class ChecklistItem(Strict):
    """One line of the administrator's wall poster."""

    id: Id
    text: Texts
    see: See


class ChecklistGroup(Strict):
    """A group of poster lines under one title."""

    id: Id
    title: Texts
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Strict):
    """The administrator's wall poster (huoneentaulu)."""

    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]


class OnboardingSettings(Strict):
    """How the onboarding quiz draws its questions and when it is passed."""

    questions: Annotated[int, Field(ge=1, description="How many questions one attempt draws from the pool.")]
    per_chapter: Annotated[int, Field(ge=0, description="At least this many from every chapter.")]
    pass_mark: Annotated[int, Field(ge=1, le=100, description="Per cent of right answers needed to pass.")]


class Settings(Strict):
    """Settings of the quizzes (quizzes/settings.yml, the one place where their values are written)."""

    onboarding: OnboardingSettings


# A reader's word may hold digits (2fa, 4g) beside a letter: the search worker reads the list before lunr, which
# would trim the digits.
SearchWord = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2, max_length=60,
                                               pattern=r"^[^\W_]*[^\W\d_][^\W_]*(-[^\W_]+)*$"),
                       Field(description="One word as a reader types it, without spaces (hyphens allowed, "
                                         "digits beside letters: 2fa).")]
GuidelineWords = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2,
                                                   max_length=120, pattern=r"^[^\W\d_]+([ -][^\W\d_]+)*$"),
                           Field(description="The guideline's own word (or words) that the reader means, "
                                             "as the pages write it.")]


class Synonym(Strict):
    """Words readers type for something the guideline calls by another name."""

    words: Annotated[list[SearchWord], Field(min_length=1, description="What readers type.")]
    means: GuidelineWords


class SearchWords(Strict):
    """Search words kept by the communications unit (quizzes/search.yml): a list per language, since readers
    of each language use their own words. Only words on the list are helped."""

    fi: list[Synonym] = []
    sv: list[Synonym] = []

    def __getitem__(self, language: str) -> list[Synonym]:
        return getattr(self, language)


assert tuple(SearchWords.model_fields) == LANGUAGES, "SearchWords must have one field per language"
