"""A CSV corpus piped to standard input is read one record a row, as a CSV file is."""
import io

from hadath.io.readers import iter_input

CSV = 'id,text,date\na1,"قال الوزير إن الاجتماع انتهى.",2016-06-08\na2,"اعتقلت الشرطة ثلاثة أشخاص.",2016-06-09\n'


def test_csv_on_stdin_is_one_record_a_row():
    recs = list(iter_input("-", stdin=io.BytesIO(CSV.encode("utf-8"))))
    assert [(r["id"], r["input"]) for r in recs] == [("a1", "-:2"), ("a2", "-:3")]
    assert recs[1]["data"] == "اعتقلت الشرطة ثلاثة أشخاص."


def test_arabic_text_with_commas_on_stdin_stays_one_article():
    text = "قال الوزير، في بيان، إن الاجتماع انتهى.\nوأضاف أن text الحوار مستمر.\n"
    recs = list(iter_input("-", stdin=io.BytesIO(text.encode("utf-8"))))
    assert len(recs) == 1 and recs[0]["id"].startswith("-:")
