from narrcomp.text import NormalizeOptions, normalize_text


def test_tweet_is_cleaned():
    tweet = "BREAKING: chlorine in #Douma &amp; sarin?  https://t.co/AbC123 via @WhiteHelmets pic.twitter.com/xyz9"
    assert normalize_text(tweet) == "BREAKING: chlorine in #Douma & sarin? via WhiteHelmets"
    assert normalize_text(tweet, NormalizeOptions(handles="drop")) == "BREAKING: chlorine in #Douma & sarin? via"


def test_steps_are_switchable():
    text = "see https://example.org &amp; @user"
    kept = normalize_text(text, NormalizeOptions(strip_urls=False, handles="keep", unescape_html=False))
    assert kept == text
    assert normalize_text(text, None) == text


def test_typographic_quotes_and_whitespace():
    assert normalize_text("the \u2018rescue group\u2019\u00a0 said\n\n\u201cno\u201d") == "the 'rescue group' said \"no\""


def test_email_is_not_a_handle():
    assert normalize_text("write to privacy@sputniknews.com") == "write to privacy@sputniknews.com"


def test_unknown_handles_option_is_a_clear_error():
    import pytest

    with pytest.raises(ValueError, match="The 'handles' option of NormalizeOptions must be one of"):
        normalize_text("@x", NormalizeOptions(handles="erase"))
