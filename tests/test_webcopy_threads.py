"""Web copies whose page puts other text beside the article: a picture's one-word label over the
body, readers' comments under it, teasers of other stories over it. All text here is invented."""

from __future__ import annotations

from test_webcopy_headers import read_page

KOREAN_BODY = [
    "전라남도 여수에 자리 잡은 연안 해운기업 ㈜푸른물결해운은 올해로 창립 20년을 맞았다."
    " 이 회사는 섬과 육지를 잇는 여객선 열두 척을 운항하고 있다.",
    "㈜푸른물결해운의 김하늘 대표는 “섬 주민들이 날씨와 상관없이 뭍으로 나올 수 있어야"
    " 한다”며 야간 운항을 늘리겠다고 말했다.",
    "㈜푸른물결해운은 내년에 친환경 전기 여객선 두 척을 새로 들여올 계획이다."
    " 회사는 이를 위해 지역 조선소와 협약을 맺었다.",
]
KOREAN_PAGE = "\n".join([
    "뉴스홈", "정치", "경제", "사회", "문화", "",
    "뉴스 > 경제 > 기업", "",
    "[기업탐방]바다를 잇는 작은 배, 세계 항로를 꿈꾼다", "",
    "기사입력 2024-03-05 09:00:00 기사수정 2024-03-05 09:00:00", "",
    "Tweet", "기사보내기", "",
    "㈜푸른물결해운", "",
    "\n\n".join(KOREAN_BODY), "",
    "많이 본 뉴스", "개인정보처리방침", "",
])  # fmt: skip


def test_a_one_word_label_over_a_korean_body_is_no_headline() -> None:
    """A picture's label of one word (a company's name, which the article's paragraphs repeat)
    stands between the share bar and the body: Korean sets its words apart with spaces, so the
    label is one word, too short for a headline, however many syllables it has. The headline is
    the title over the article's date line."""
    article, _ = read_page(KOREAN_PAGE.encode())
    assert article.headline == "[기업탐방]바다를 잇는 작은 배, 세계 항로를 꿈꾼다"
    assert article.paragraphs == KOREAN_BODY
    assert str(article.published) == "2024-03-05"
