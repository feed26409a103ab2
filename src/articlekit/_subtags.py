"""Registered BCP 47 subtags that ``articlekit validate`` checks (codes only, from ISO 639-1 and
ISO 3166-1, with the withdrawn region codes of ISO 3166-3 that old tags still use).

Three-letter language subtags (ISO 639-2/3/5, about 8,000) and scripts are only checked for
shape, which the model already does.
"""


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


LANGUAGES = _codes(
    """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv
kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu
"""
)
"""Two-letter primary language subtags (ISO 639-1, and the deprecated in, iw, ji, jw, mo)."""

REGIONS = _codes(
    """
AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BU BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CS CT CU CV CW CX CY CZ DD DE
DJ DK DM DO DY DZ EC EE EG EH ER ES ET EU EZ FI FJ FK FM FO FQ FR FX GA GB GD GE GF GG GH GI
GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU HV ID IE IL IM IN IO IQ IR IS IT JE JM JO
JP JT KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
MI MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NH NI NL NO NP NQ NR NT NU
NZ OM PA PC PE PF PG PH PK PL PM PN PR PS PT PU PW PY PZ QA RE RH RO RS RU RW SA SB SC SD SE
SG SH SI SJ SK SL SM SN SO SR SS ST SU SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TP TR TT
TV TW TZ UA UG UM UN US UY UZ VA VC VD VE VG VI VN VU WF WK WS YD YE YT YU ZA ZM ZR ZW
"""
)
"""Two-letter region subtags: ISO 3166-1, withdrawn codes, and EU, EZ, UN (registered too)."""


def private_region(region: str) -> bool:
    """AA, QM-QZ, XA-XZ and ZZ are for private use: always acceptable."""
    return region in ("AA", "ZZ") or (region[0] == "Q" and region[1] >= "M") or region[0] == "X"
