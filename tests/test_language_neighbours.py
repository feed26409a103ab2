"""The language guess (:func:`.stopwords.clear_language`) of texts in languages without a list of
function words, whose listed neighbour shares most of theirs: Serbian and Macedonian (Cyrillic, as
Bulgarian), Galician (as Portuguese), Afrikaans (as Dutch). A guess that may be the neighbour's
must be none. All text here is invented."""

from __future__ import annotations

import pytest

from articlekit import read
from articlekit.prose import stopwords

NEIGHBOURS = {
    "sr": [
        "Општина у малом граду на обали реке је у понедељак отворила нову луку за трајекте, која ће"
        " повезати два села са друге стране. Радови су трајали годину дана и коштали су више него"
        " што је било планирано.",
        "Начелник луке је рекао новинарима да ће се вечерњи бродови сада пристајати на новом молу,"
        " а рибари ће моћи да користе стари кеј само за своје чамце. Људи из села кажу да су"
        " дуго чекали на ову луку и да ће им живот сада бити много лакши него пре.",
    ],
    "mk": [
        "Општината во малиот град на брегот на реката во понеделникот отвори ново пристаниште за"
        " траекти, кое ќе ги поврзе двете села од другата страна. Работите траеја една година и"
        " чинеа повеќе отколку што беше планирано.",
        "Началникот на пристаништето им рече на новинарите дека вечерните бродови сега ќе пристаат"
        " на новиот мол, а рибарите ќе можат да го користат стариот кеј само за своите чамци."
        " Луѓето од селата велат дека долго чекале на ова пристаниште и дека ќе им биде многу"
        " полесно.",
    ],
    "gl": [
        "O concello da vila mariñeira abriu no luns un novo peirao no porto da ría para os barcos"
        " de pasaxeiros, que xa leva dous anos en obras e que tamén servirá ás lanchas dos"
        " pescadores da zona.",
        "O alcalde dixo aos xornalistas que non había outra saída, porque o porto vello do centro"
        " da vila estaba cheo e era moi lento na noite. Os veciños do barrio levaban moito tempo"
        " pedindo unha solución, e cando se fixo a obra no verán houbo queixas polo ruído, mais"
        " agora están contentos coa nova praza do mar.",
    ],
    "af": [
        "Die munisipaliteit van die klein hawedorp het Maandag 'n nuwe pier vir die veerbote"
        " geopen, en die werk wat twee jaar geduur het, is nou klaar. Die burgemeester het gesê"
        " hulle het baie lank daarvoor gewag.",
        "Vissers sê hulle het al tien jaar vir 'n eie pier gevra, omdat die ou kaai in die nag te"
        " vol en te stadig was. Hy sê die nuwe pier sal ook die toeriste help, maar ek dink nie"
        " almal is tevrede nie, want die koste was hoër as wat hulle beplan het.",
    ],
}
LISTED = {
    "bg": [
        "Общината в малкия град на брега на реката откри в понеделник ново пристанище за фериботи,"
        " което ще свърже двете села от другата страна. Работата продължи една година и струваше"
        " повече, отколкото беше планирано.",
        "Началникът на пристанището каза пред журналисти, че вечерните кораби вече ще спират на"
        " новия кей, а рибарите ще могат да използват стария само за своите лодки. Хората от"
        " селата казват, че дълго са чакали това пристанище и че животът им сега ще бъде по-лесен.",
    ],
    "ru": [
        "Администрация небольшого города на берегу реки в понедельник открыла новый причал для"
        " паромов из Києва и Харкова, который соединит два села на другом берегу. Работы шли год и"
        " стоили больше, чем было запланировано.",
        "Начальник порта сказал журналистам, что вечерние суда теперь будут причаливать к новому"
        " пирсу, а рыбаки смогут пользоваться старой пристанью только для своих лодок. Жители сёл"
        " говорят, что долго ждали этот причал и что теперь их жизнь станет намного легче.",
    ],
    "pt": [
        "A câmara da vila piscatória abriu na segunda-feira um novo cais para os barcos de"
        " passageiros, que já estava em obras há dois anos e que também vai servir as lanchas dos"
        " pescadores da zona.",
        "O presidente da câmara disse que não havia outra saída, porque o porto velho estava cheio"
        " e era muito lento durante a noite. Os moradores pediam uma solução há muito tempo, e"
        " quando a obra começou houve queixas pelo barulho, mas agora estão contentes com a nova"
        " praça, a que chamam Marco Polo.",
    ],
    "nl": [
        "De gemeente van het kleine havenstadje heeft maandag een nieuwe pier voor de veerboten"
        " geopend, en het werk dat twee jaar heeft geduurd, is nu klaar. De burgemeester zei dat"
        " ze er heel lang op hadden gewacht.",
        "Vissers zeggen dat ze al tien jaar om een eigen pier hebben gevraagd, omdat de oude kade"
        " 's nachts te vol en te traag was. Hij zegt dat de nieuwe pier ook de toeristen zal"
        " helpen, maar niet iedereen is tevreden, want de kosten waren hoger dan gepland.",
    ],
}


@pytest.mark.parametrize("language", list(NEIGHBOURS))
def test_a_language_without_a_list_is_not_called_by_its_neighbours_name(language: str) -> None:
    """Serbian and Macedonian write Cyrillic letters Bulgarian does not (ј, љ, њ, ќ...); Galician
    and Afrikaans function words Portuguese and Dutch never write ("unha", "polo"; "nie",
    "hulle"): no language is told."""
    assert stopwords.clear_language(NEIGHBOURS[language]) is None


@pytest.mark.parametrize("language", list(LISTED))
def test_the_listed_neighbours_are_still_told(language: str) -> None:
    """A Russian story naming Ukrainian towns (Києва, with і and є) is Russian; a Portuguese one
    naming Marco Polo is Portuguese."""
    assert stopwords.clear_language(LISTED[language]) == language


def test_a_serbian_web_copy_gets_no_language() -> None:
    menu = ["Почетна", "Вести", "Спорт", "Контакт"]
    text = "\n".join([*menu, "", "Нова лука за трајекте", "", "\n\n".join(NEIGHBOURS["sr"]), ""])
    article = read(text.encode(), format="text").value
    assert article.paragraphs == NEIGHBOURS["sr"]
    assert article.language is None
