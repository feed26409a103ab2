"""Page furniture: the lines a web page wraps around its article, in several languages.

Menus, "Skip to content", sign-in and subscribe prompts, share bars, advertisement labels, "Most
read" and "Related" boxes, comment forms, cookie notices, copyright and footer links. Any reader
that sees web page text can ask about a line (the plain-text reader for web copies, the HTML
reader for the text of an element)::

    furniture_kind("Share on Facebook")           -> "share"
    furniture_kind("* Meistgelesen")              -> "related"
    is_furniture("Leave a Reply")                 -> True
    is_furniture("Werbung", language="de")        -> True
    opens_section("Related Coverage")             -> True   (what follows is furniture too)

Only whole lines are judged: a line *is* furniture when, once list markers, counts ("Comments
(12)", "teilen 17") and closing punctuation are set aside, it is one of the phrases of
:data:`PHRASES`, or starts with one of :data:`PREFIXES` and stays short, or is a cookie, copyright
or legal notice. A sentence that merely mentions comments or sharing is never furniture.

The tables are data, by kind and language (``en``, ``de``, ``fr``, ``es``, ``it``, ``pt``, ``nl``
and a few others); ``language=None`` uses every language, a BCP 47 tag narrows the phrases to
that language and the language-neutral ones (``*``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple, cast

from articlekit._text import lazy_pattern
from articlekit.prose.byline import spaced

_LIST_HEADS = (
    "most popular", "most read", "most viewed", "most shared", "most commented", "most emailed",
    "trending", "recommended", "related", "more", "similar",
)  # fmt: skip
_LISTED = (
    "articles", "stories", "news", "posts", "videos", "video", "podcasts", "photos", "galleries",
    "reads", "headlines",
)  # fmt: skip
"""The heading of a box of other stories, in English, is one of :data:`_LIST_HEADS` alone or
followed by what the box lists ("Most Popular Videos", "Trending Articles", "Related Reads"):
each pair is a phrase of the tables. Not "Top", "Latest" or "Recent": a story's crossheads say
"Top Podcasts" or "Latest Videos" (a year's review of a streaming service)."""

# fmt: off
PHRASES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "navigation": {
        "en": (
            "skip to content", "skip to main content", "skip to navigation", "skip navigation",
            "jump to navigation", "accessibility links", "accessibility help", "menu", "main menu",
            "open menu", "close menu", "toggle navigation", "navigation", "site navigation",
            "home", "homepage", "home page", "search", "close search", "sections", "all sections",
            "more", "back to top", "go to home page", "site index", "site map", "sitemap",
            "view mobile version", "secondary menu", "primary menu", "top", "close", "previous",
            "next", "next story", "previous story", "next article", "previous article",
            "next post", "previous post", "post navigation", "view all", "see all", "show more",
            "load more", "see more", "view more", "expand", "collapse", "edition", "latest news",
            "breadcrumb", "you are here", "loading", "search the site",
            "prev", "prev post", "older post", "newer post", "older posts", "newer posts",
            "older entries", "newer entries", "previous entry", "next entry", "main navigation",
            "archives", "blog archive", "quick links", "quicklinks", "useful links",
            "scroll to top", "current issue", "latest issue", "this issue", "back issues",
            "front page", "next page", "previous page",
        ),
        "de": (
            "zum inhalt springen", "zum inhalt", "direkt zum inhalt", "hauptmenü", "menü",
            "navigation überspringen", "inhalt überspringen", "zur navigation springen",
            "navigation", "startseite", "suche", "suchen", "mehr", "nach oben", "zurück",
            "weiter", "vorige", "nächste", "vorheriger artikel", "nächster artikel",
            "menü auf-/zuklappen", "alle ressorts", "ressorts", "schließen",
            "nächster beitrag", "vorheriger beitrag", "der nächste beitrag",
            "der vorherige beitrag", "zurück zur übersicht", "zurück zur liste",
            "hauptnavigation", "springe direkt zu", "zum hauptinhalt springen",
            "zum inhalt wechseln", "nach oben scrollen", "zum seitenanfang", "menü schließen",
            "beitragsnavigation", "beitrags-navigation", "sie sind hier",
            "sie befinden sich hier", "archiv", "suche nach", "mehr anzeigen", "servicemenü",
            "nächste seite", "vorherige seite", "aktuelle ausgabe", "neueste ausgabe",
            "diese ausgabe", "frühere ausgaben", "titelseite",
        ),
        "fr": (
            "aller au contenu", "aller au contenu principal", "passer au contenu", "menu",
            "accueil", "rechercher", "recherche", "plus", "retour en haut", "haut de page",
            "précédent", "suivant", "article précédent", "article suivant", "fermer", "rubriques",
            "page suivante", "page précédente", "dernier numéro", "numéro actuel", "ce numéro",
            "anciens numéros", "la une",
        ),
        "es": (
            "saltar al contenido", "ir al contenido", "ir al contenido principal", "menú",
            "inicio", "portada", "buscar", "búsqueda", "más", "volver arriba", "anterior",
            "siguiente", "cerrar", "secciones", "canales", "página siguiente", "página anterior",
            "último número", "número actual", "este número", "números anteriores",
        ),
        "it": (
            "vai al contenuto", "salta al contenuto", "menu", "home page", "cerca", "ricerca",
            "altro", "torna su", "precedente", "successivo", "chiudi", "sezioni",
            "pagina successiva", "pagina precedente", "ultimo numero", "numero corrente",
            "questo numero", "numeri precedenti", "prima pagina",
        ),
        "pt": (
            "ir para o conteúdo", "pular para o conteúdo", "saltar para o conteúdo", "menu",
            "início", "página inicial", "pesquisar", "buscar", "busca", "mais", "voltar ao topo",
            "anterior", "próximo", "fechar", "seções", "editorias", "próxima página",
            "página anterior", "última edição", "edição atual", "esta edição", "edições anteriores",
        ),
        "nl": ("naar de inhoud", "ga naar de inhoud", "zoeken", "meer", "sluiten", "vorige",
               "volgende", "volgende pagina", "vorige pagina"),
        "ru": ("следующая страница", "предыдущая страница"),
    },
    "account": {
        "en": (
            "sign in", "log in", "login", "log out", "logout", "sign up", "sign out", "register",
            "my account", "account", "manage account", "settings", "username", "password",
            "forgot password", "stay logged in", "create account", "create an account", "profile",
        ),
        "de": ("anmelden", "einloggen", "abmelden", "registrieren", "mein konto", "konto",
               "login", "passwort vergessen", "angemeldet bleiben"),
        "fr": ("se connecter", "connexion", "s'inscrire", "inscription", "mon compte",
               "déconnexion", "mot de passe oublié"),
        "es": ("iniciar sesión", "inicia sesión", "registrarse", "regístrate", "mi cuenta",
               "cerrar sesión", "ingresar", "entrar"),
        "it": ("accedi", "registrati", "il mio account", "esci", "entra"),
        "pt": ("entrar", "cadastre-se", "cadastrar", "minha conta", "sair", "login"),
    },
    "subscribe": {
        "en": (
            "subscribe", "subscribe now", "subscribe today", "newsletter", "newsletters",
            "newsletters & alerts", "get the newsletter", "sign up for our newsletter",
            "sign up now", "join now", "get the app", "download the app", "become a member",
            "support us", "donate", "try it free", "start your free trial", "subscriber only",
            "subscribers only", "premium", "donate now",
            # (a statement a story about the paywall may quote: the whole label, no prefix)
            "this content is reserved for subscribers",
            "this content is reserved for subscribers only",
        ),
        "de": ("abonnieren", "jetzt abonnieren", "abo", "abo abschließen", "newsletter",
               "newsletter abonnieren", "jetzt anmelden", "zum newsletter", "digitalabo",
               "plus-abo", "zeitschriften-abo", "newsletter bestellen", "mitglied werden",
               "jetzt spenden", "spenden"),
        "fr": ("s'abonner", "abonnez-vous", "je m'abonne", "newsletter", "lettre d'information",
               "édition abonnés", "abonnés", "réservé aux abonnés"),
        "es": ("suscríbete", "suscribirse", "suscripción", "boletín", "newsletter",
               "suscribite", "hazte socio"),
        "it": ("abbonati", "abbonamento", "iscriviti", "newsletter"),
        "pt": ("assine", "assinar", "assinatura", "newsletter", "inscreva-se", "cadastre-se"),
    },
    "share": {
        "*": (
            "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
            "tumblr", "flipboard", "xing", "mastodon", "threads", "bluesky", "google+", "+1",
            "messenger", "pocket", "weibo", "wechat", "qq", "line", "vk", "email", "e-mail", "mail",
            "rss", "stumbleupon", "digg", "instagram", "youtube", "tiktok", "snapchat",
        ),
        "en": (
            "share", "share this", "share this article", "share this story", "share this post",
            "share this page", "share article", "share story", "share on facebook",
            "share on twitter", "share on linkedin", "share on whatsapp", "share on pinterest",
            "share on google plus", "share on tumblr", "share via email", "share by email",
            "share to facebook", "share to twitter", "share to pinterest", "share to kinja",
            "tweet", "pin", "pin it", "print", "print article", "print this page",
            "email this", "copy link", "copy url", "link copied", "save", "save article",
            "save for later", "bookmark", "bookmark it", "more options", "resize text",
            "text size", "font size", "comment", "listen", "listen to this article",
            "gift this article", "give this article", "permalink", "go to permalink", "embed",
            "like", "like this", "reply", "follow", "follow us", "follow author",
            "follow the author", "followers", "info", "like loading", "increase font size",
            "decrease font size", "increase text size", "decrease text size", "larger text",
            "smaller text", "full bio", "read full bio", "see full bio", "view full bio",
            "author bio", "author profile", "view profile", "view author profile",
        ),
        "de": ("teilen", "artikel teilen", "drucken", "versenden", "per e-mail versenden",
               "merken", "twittern", "vorlesen", "artikel anhören", "folgen", "link kopieren",
               "version zum drucken", "teilen mit", "beitrag teilen", "seite teilen",
               "seite drucken", "gefällt mir", "gefällt mir wird geladen", "anhören",
               "artikel vorlesen", "beitrag vorlesen", "schriftgröße", "textgröße",
               "schrift vergrößern", "schrift verkleinern", "autorenprofil",
               "zum autorenprofil", "zum profil"),
        "fr": ("partager", "partager sur facebook", "partager sur twitter", "imprimer",
               "envoyer", "envoyer par e-mail", "sauvegarder", "enregistrer", "suivre",
               "écouter", "copier le lien", "tweeter", "écouter l'article",
               "écouter cet article", "taille du texte", "agrandir le texte", "réduire le texte",
               "voir le profil", "profil de l'auteur"),
        "es": ("compartir", "compartir en facebook", "compartir en twitter", "imprimir",
               "enviar", "enviar por correo", "guardar", "seguir", "escuchar", "copiar enlace",
               "tuitear", "escuchar noticia", "escuchar artículo", "tamaño de letra",
               "tamaño del texto", "aumentar letra", "disminuir letra",
               "aumenta el tamaño del texto", "disminuye el tamaño del texto",
               "aumentar el tamaño del texto", "disminuir el tamaño del texto", "twittear",
               "recomendar en facebook", "recomendar", "ver perfil", "perfil del autor"),
        "it": ("condividi", "condividi su facebook", "stampa", "invia", "salva", "segui",
               "ascolta", "copia link", "ascolta l'articolo", "ascolta articolo",
               "dimensione testo", "aumenta carattere", "riduci carattere", "vedi profilo",
               "profilo dell'autore"),
        "pt": ("compartilhar", "partilhar", "compartilhe", "imprimir", "enviar", "salvar",
               "seguir", "ouvir", "copiar link", "ouvir o texto", "ouvir texto",
               "ouvir a notícia", "ouvir a matéria", "aumentar fonte", "diminuir fonte",
               "tamanho da fonte", "tamanho do texto", "ver perfil", "perfil do autor"),
        "cs": ("sdílet", "sdílet článek", "tisk", "to se mi líbí"),
        "nl": ("delen", "deel", "afdrukken", "printen", "opslaan", "volgen"),
        "pl": ("udostępnij", "drukuj", "wyślij"),
    },
    "advertisement": {
        "en": (
            "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
            "sponsored content", "sponsored links", "paid content", "paid post", "promoted",
            "promoted stories", "partner content", "supported by", "story continues below",
            "story continues below advertisement", "article continues below advertisement",
            "article continues below", "continue reading below", "continue reading",
            "continue reading the main story", "report an ad", "ad feedback", "skip ad",
            "skip advertisement", "remove ads", "advertise with us",
        ),
        "de": ("anzeige", "werbung", "sponsored", "artikel geht unten weiter",
               "weiterlesen", "weiter lesen", "anzeigen"),
        "fr": ("publicité", "pub", "contenu sponsorisé", "sponsorisé", "lire la suite",
               "la suite après la publicité", "article réservé aux abonnés"),
        "es": ("publicidad", "anuncio", "contenido patrocinado", "patrocinado", "seguir leyendo",
               "sigue leyendo", "continúa leyendo"),
        "it": ("pubblicità", "sponsorizzato", "contenuto sponsorizzato", "continua a leggere"),
        "pt": ("publicidade", "anúncio", "patrocinado", "conteúdo patrocinado",
               "continue lendo", "continua a ler"),
        "cs": ("reklama",),
        "nl": ("advertentie", "gesponsord", "lees verder"),
    },
    "related": {
        "en": (
            "related", "related articles", "related stories", "related posts", "related news",
            "related content", "related coverage", "related reading", "related links",
            "related topics", "read more", "read next", "read also", "also read", "see also",
            "more on this story", "more on this topic", "more stories", "more news",
            "more from", "most read", "most popular", "most viewed", "most shared",
            "most emailed", "most commented", "popular", "popular now", "popular stories",
            "trending", "trending now", "trending stories", "top stories", "latest",
            "latest stories", "recommended", "recommended for you", "recommended stories",
            "you may also like", "you might also like", "you may be interested in",
            "don't miss", "editor's picks", "editors' picks",
            "around the web", "from the web", "in case you missed it", "further reading",
            "elsewhere", "also in the news", "more from this section",
            "view more trending stories", "see next articles", "see previous articles",
            "more articles", "similar articles", "similar posts", "more like this",
            "you might be interested in", "you may also be interested in",
            "headlines", "latest headlines", "top headlines", "more headlines", "more on",
            "you might like", "popular topics", "popular posts", "recent posts", "recent articles",
            "latest posts", "featured", "featured stories", "featured articles",
            *(f"{head} {listed}" for head in _LIST_HEADS for listed in _LISTED),
        ),
        "de": ("mehr zum thema", "zum thema", "das könnte sie auch interessieren",
               "auch interessant", "weitere artikel", "weitere nachrichten", "meistgelesen",
               "meistgelesene artikel", "meistkommentiert", "meistgeteilt", "lesen sie auch",
               "lesen sie mehr", "top-themen", "empfehlungen",
               "aktuelles", "neueste artikel", "verwandte artikel",
               "das könnte dich auch interessieren", "das könnte ihnen auch gefallen",
               "das könnte dir auch gefallen", "schon gelesen", "weitere beiträge",
               "ähnliche beiträge", "ähnliche artikel", "siehe auch",
               "passend zum thema", "lies auch", "zum weiterlesen",
               "neueste beiträge", "aktuelle beiträge", "letzte beiträge", "beliebte beiträge",
               "beliebte artikel", "weitere empfehlungen", "empfohlen für dich",
               "empfehlungen für dich", "meistdiskutierte artikel", "die meistgelesenen artikel"),
        "fr": ("à lire aussi", "a lire aussi", "lire aussi", "à lire également", "voir aussi",
               "sur le même sujet", "les plus lus", "les plus partagés", "les plus commentés",
               "articles similaires",
               "à la une", "dans la même rubrique", "nos autres articles", "recommandé",
               "en continu", "vous aimerez aussi", "vous aimerez peut-être aussi", "articles liés",
               "articles récents", "derniers articles"),
        "es": ("lee también", "lea también", "te puede interesar", "también te puede interesar",
               "noticias relacionadas", "artículos relacionados", "relacionados", "más leídas",
               "lo más leído", "más leído", "más vistos", "más populares", "recomendados",
               "últimas noticias", "ver más", "más noticias", "también te puede gustar",
               "artículos similares", "entradas relacionadas", "notas relacionadas",
               "te recomendamos", "lo último", "entradas recientes"),
        "it": ("leggi anche", "potrebbe interessarti", "articoli correlati", "correlati",
               "più letti", "i più letti", "più visti", "ultime notizie", "vedi anche",
               "potrebbe interessarti anche", "ti potrebbe interessare", "articoli simili",
               "articoli recenti", "ultimi articoli"),
        "pt": ("leia também", "leia mais", "veja também", "saiba mais", "relacionadas",
               "notícias relacionadas", "mais lidas", "mais lidos", "mais vistas",
               "mais populares", "últimas notícias", "recomendados",
               "você também pode gostar", "artigos relacionados", "posts recentes",
               "artigos recentes", "posts relacionados"),
        "nl": ("lees ook", "meest gelezen", "gerelateerd", "gerelateerde artikelen"),
        "pl": ("zobacz także", "zobacz też", "czytaj także", "czytaj też", "polecane",
               "najczęściej czytane"),
        "zh": ("相关阅读", "相关新闻", "相关文章", "热门文章", "猜你喜欢", "推荐阅读", "热点推荐"),
        "ja": ("関連記事", "関連ニュース", "アクセスランキング", "おすすめ記事"),
    },
    "comments": {
        "en": (
            "comments", "comment", "leave a reply", "leave a comment", "leave a reply cancel reply",
            "post a comment", "add a comment", "add comment", "post comment", "submit comment",
            "join the conversation", "join the discussion", "show comments", "view comments",
            "hide comments", "load comments", "discussion", "discussion policy",
            "comment policy", "conversation", "responses", "response", "replies",
            "comment activity", "your email address will not be published",
            "required fields are marked", "name", "email", "website", "cancel reply",
            "notify me of follow-up comments by email", "notify me of new posts by email",
            "all comments", "newest", "oldest", "sort by", "report", "reply to this comment",
            "flag", "be the first to comment", "no comments yet",
            "recent comments", "quote", "report abuse", "top rated", "best rated",
            "highest rated", "newest first", "oldest first", "top comments",
        ),
        "de": ("kommentare", "kommentar", "kommentieren", "kommentare lesen",
               "kommentar schreiben", "diskussion", "antworten", "leserkommentare",
               "zum forum", "forum", "schreibe einen kommentar", "hinterlasse eine antwort",
               "hinterlasse einen kommentar", "kommentar verfassen", "antwort schreiben",
               "kommentar hinzufügen", "gib hier deinen kommentar ein", "neueste kommentare",
               "letzte kommentare", "neue kommentare", "name (erforderlich)",
               "bitte dieses feld leer lassen", "leserbrief schreiben", "zitieren", "melden",
               "missbrauch melden", "am besten bewertet", "neueste zuerst", "älteste zuerst"),
        "fr": ("commentaires", "commentaire", "commenter", "réagir", "réactions", "répondre",
               "laisser un commentaire", "ajouter un commentaire", "laisser une réponse",
               "citer", "signaler", "signaler un abus", "les mieux notés", "mieux notés"),
        "es": ("comentarios", "comentario", "comentar", "deja un comentario", "responder",
               "dejar un comentario", "deja una respuesta", "dejar una respuesta", "citar",
               "denunciar", "denunciar abuso", "valorar", "mejor valorados", "más valorados",
               "más votados"),
        "it": ("commenti", "commento", "commenta", "lascia un commento", "rispondi",
               "lascia una risposta", "segnala", "segnala abuso", "più votati", "i più votati"),
        "pt": ("comentários", "comentário", "comentar", "deixe um comentário", "responder",
               "deixe uma resposta", "citar", "denunciar", "denunciar abuso", "mais votados"),
        "cs": ("diskuse", "komentáře"),
        "nl": ("reacties", "reageer", "reactie", "laat een reactie achter", "citeren",
               "misbruik melden"),
        "ru": ("комментарии", "комментировать", "ответить", "пожаловаться"),
        "tr": ("yorumlar", "yorum yap", "yanıtla", "şikayet et"),
        "ar": ("تعليقات", "التعليقات", "أضف تعليقاً", "أضف تعليقا", "أضف تعليقك", "رد", "إبلاغ"),
        "zh": ("评论", "发表评论", "我要评论", "网友评论", "查看评论", "全部评论", "回复", "举报"),
        "ja": ("コメント", "コメントする", "コメントを書く", "コメント一覧", "返信", "通報"),
        "ko": ("댓글", "댓글쓰기", "댓글 쓰기", "댓글 보기", "전체 댓글", "답글", "신고"),
        "pl": ("komentarze", "dodaj komentarz", "zostaw komentarz", "skomentuj"),
    },
    "legal": {
        "en": (
            "privacy", "privacy policy", "privacy notice", "cookie policy", "cookies",
            "cookie settings", "cookie preferences", "manage cookies", "accept cookies",
            "accept all", "accept all cookies", "reject all", "i accept", "got it", "ok, got it",
            "terms", "terms of service", "terms of use", "terms and conditions",
            "terms & conditions",
            "contact", "contact us", "about", "about us", "help", "help and contact us", "faq",
            "careers", "jobs", "advertise", "ad choices", "adchoices", "accessibility",
            "corrections", "do not sell my personal information", "your privacy choices",
            "report an error", "report a typo", "report a correction", "submit a correction",
            "suggest a correction", "request a correction", "report an issue",
            "rss feeds", "all rights reserved", "site map", "imprint", "legal", "legal notice",
            "masthead", "staff", "feedback", "send feedback", "submissions", "licensing",
            "reprints", "order reprints", "rss terms of service", "terms of sale",
            "advertising disclosure", "affiliate disclosure", "entries feed", "comments feed",
            "entries rss", "comments rss",
        ),
        "de": ("datenschutz", "datenschutzerklärung", "datenschutzhinweis", "impressum",
               "kontakt", "agb", "nutzungsbedingungen", "cookie-einstellungen", "cookies",
               "alle akzeptieren", "akzeptieren", "mediadaten", "über uns", "hilfe",
               "barrierefreiheit", "alle rechte vorbehalten", "jobs", "karriere",
               "rss-feed", "rss-feeds", "kommentare-feed", "einträge-feed",
               "feed der einträge", "netiquette", "leichte sprache", "gebärdensprache",
               "rechtliches", "fehler melden", "inhaltlichen fehler melden", "fehler gefunden",
               "fehler entdeckt", "fehlerhinweis", "korrekturhinweis"),
        "fr": ("mentions légales", "politique de confidentialité", "confidentialité",
               "conditions générales", "cgu", "cgv", "nous contacter", "contact", "qui sommes-nous",
               "gestion des cookies", "paramètres des cookies", "tout accepter", "accepter",
               "tous droits réservés", "plan du site", "aide", "signaler une erreur"),
        "es": ("aviso legal", "política de privacidad", "privacidad", "política de cookies",
               "términos y condiciones", "condiciones de uso", "contacto", "contáctanos",
               "quiénes somos", "aceptar", "aceptar todo", "todos los derechos reservados",
               "mapa del sitio", "ayuda", "reportar un error", "notificar un error"),
        "it": ("note legali", "privacy", "informativa privacy", "cookie policy", "contatti",
               "chi siamo", "accetta", "accetta tutto", "tutti i diritti riservati",
               "mappa del sito", "aiuto", "segnala un errore"),
        "pt": ("política de privacidade", "privacidade", "termos de uso", "termos de serviço",
               "fale conosco", "contato", "contacto", "quem somos", "aceitar", "aceitar todos",
               "todos os direitos reservados", "mapa do site", "ajuda", "expediente",
               "reportar erro", "comunicar erro"),
        "nl": ("privacybeleid", "cookiebeleid", "algemene voorwaarden", "contact", "over ons",
               "fout melden"),
        "sv": ("anmäl fel", "rapportera fel"),
        "da": ("rapporter fejl", "meld fejl"),
        "no": ("meld feil", "rapporter feil"),
    },
    "tags": {
        "en": ("tags", "topics", "filed under", "categories", "category", "keywords",
               "more about", "explore more"),
        "de": ("schlagworte", "schlagwörter", "themen", "mehr über", "kategorien", "kategorie",
               "themenseiten"),
        "fr": ("mots-clés", "thèmes", "sujets"),
        "es": ("etiquetas", "temas", "palabras clave"),
        "it": ("tag", "argomenti", "parole chiave"),
        "pt": ("tags", "temas", "tópicos", "palavras-chave", "assuntos"),
    },
}
# fmt: on
"""Whole-line phrases by kind and language (``*``: any language)."""

CONSENT_OPENINGS: Mapping[str, tuple[str, ...]] = {
    "en": ("by signing up, you", "by signing up you", "by subscribing, you", "by subscribing you",
           "by providing your email", "by entering your email", "by submitting your email",
           "i agree to receive", "i would like to receive", "this site is protected by recaptcha"),
    "de": ("mit meiner anmeldung", "mit ihrer anmeldung", "mit deiner anmeldung",
           "ich akzeptiere die agb", "ich akzeptiere die datenschutz", "ich willige ein"),
    "fr": ("en vous inscrivant, vous", "en vous abonnant, vous", "j'accepte de recevoir"),
    "es": ("al suscribirte, aceptas", "al registrarte, aceptas", "acepto recibir"),
    "it": ("iscrivendoti accetti", "accetto di ricevere"),
    "pt": ("ao se inscrever, você", "aceito receber"),
}  # fmt: skip
"""Openings of a sign-up form's consent under its e-mail box (legal furniture, in
:data:`PREFIXES`). Each also opens ordinary sentences ("I would like to receive an answer from
the board", a Q&A's reply), so a line is furniture by one only when it names what a consent
gives or agrees to (:data:`_CONSENT_TERMS`)."""
_CONSENT_PREFIXES = frozenset(
    phrase.casefold() for phrases in CONSENT_OPENINGS.values() for phrase in phrases
)
_CONSENT_TERMS = lazy_pattern(
    r"privacy|policy|terms|newsletter|e-?mail|unsubscribe|recaptcha|marketing|offers|"
    r"datenschutz|\bagb\b|einwillig|widerruf|abmeld|confidentialit|conditions|désinscri|"
    r"désabonn|données|lettre d.information|infolettre|privacidad|términos|condiciones|"
    r"política|datos|informativa|termini|condizioni|\bdati\b|privacidade|termos|dados"
)
"""What a consent line names (in case-folded text): the policy it agrees to, the letters or
e-mails it asks for, how to take it back."""


# fmt: off
PREFIXES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "navigation": {
        "en": ("skip to ", "jump to ", "back to ", "go to ", "return to "),
        "de": ("zurück zu ", "zur startseite"),
    },
    "account": {
        "en": ("you are signed in as", "signed in as ", "you are logged in as", "logged in as "),
        "de": ("angemeldet als ", "sie sind angemeldet als"),
        "fr": ("connecté en tant que", "connectée en tant que"),
        "es": ("has iniciado sesión como", "conectado como "),
        "it": ("accesso effettuato come", "sei collegato come"),
        "pt": ("conectado como ", "você está conectado como"),
    },
    "share": {
        "en": ("share on ", "share via ", "share to ", "share this", "click to share",
               "click to email", "click to print", "opens in new window", "follow us on ",
               "follow @", "follow us", "tweet this", "email this"),
        "de": ("teilen auf ", "folgen sie uns", "auf facebook teilen", "auf twitter teilen",
               "diesen artikel teilen", "diesen beitrag teilen", "teile diesen "),
        "fr": ("partager sur ", "suivez-nous", "partager par ", "partager cet "),
        "es": ("compartir en ", "síguenos en ", "compartir por ", "compartir este ",
               "comparte este "),
        "it": ("condividi su ", "seguici su ", "condividi questo "),
        "pt": ("compartilhar no ", "compartilhe no ", "siga-nos", "compartilhe este ",
               "partilhe este "),
    },
    "subscribe": {
        "en": ("subscribe to ", "sign up for ", "sign up to ", "get our ", "get the latest",
               "join our newsletter", "enter your email", "already a subscriber",
               "already have an account",
               "want more stories like this", "support independent journalism",
               "register to unlock this article", "register to unlock more articles",
               "sign in to unlock more articles", "register / sign in to unlock more articles"),
        "de": ("jetzt abonnieren", "abonnieren sie", "melden sie sich", "bestellen sie ",
               "jetzt newsletter "),
        "fr": ("abonnez-vous ", "inscrivez-vous ", "recevez ", "déjà abonné"),
        "es": ("suscríbete a ", "regístrate ", "recibe "),
        "it": ("iscriviti alla ", "abbonati a "),
        "pt": ("assine a ", "assine o ", "receba "),
    },
    "related": {
        "en": ("read more:", "read more about", "read more at", "read next:", "read also:",
               "read also ", "also read ",
               "related:", "see also:", "more from ", "more on ", "more about ", "also read:",
               "recommended:", "watch:", "listen:", "view more", "see more", "more in ",
               "continue reading", "most read in ", "most popular in ", "most viewed in ",
               "most shared in ", "trending in "),
        "de": ("lesen sie auch:", "lesen sie mehr", "mehr zum thema", "mehr zu ",
               "die meistgelesenen artikel", "die meistgelesenen beiträge",
               "die meistgelesenen nachrichten", "auch interessant:", "lesen sie hier",
               "hier lesen", "mehr aus ", "weitere beiträge zu ", "mehr lesen:",
               "lesen sie auch "),
        "fr": ("lire aussi :", "lire aussi:", "à lire aussi :", "à lire aussi:", "a lire aussi :",
               "a lire aussi:", "lire la suite", "à lire aussi ", "a lire aussi ", "lire aussi ",
               "à lire également ",
               "voir aussi :", "plus de ", "en savoir plus", "à lire :", "à lire:", "lire :",
               "lire:"),
        "es": ("lee también:", "lea también:", "te puede interesar:", "más sobre ",
               "más información", "lea más:", "lee más:", "leer más:",
               "ver también:", "puedes ver:", "lea:", "lee:", "mira:", "ver más",
               "lee también ", "lea también "),
        "it": ("leggi anche:", "leggi anche ", "per saperne di più", "leggi:", "guarda:"),
        "pt": ("leia também:", "leia mais:", "veja também:", "saiba mais", "leia:", "veja:",
               "leia também "),
        "pl": ("czytaj też:", "czytaj także:", "zobacz też:", "zobacz także:", "czytaj więcej"),
    },
    "comments": {
        "en": ("your email address will not be published", "required fields are marked",
               "save my name, email", "save my name email", "notify me of ",
               "this site uses akismet", "you must be logged in to post",
               "comments are closed", "comment policy", "comments for this"),
        "de": ("ihre e-mail-adresse wird nicht veröffentlicht", "kommentare lesen",
               "kommentare sind geschlossen", "deine e-mail-adresse wird nicht veröffentlicht",
               "erforderliche felder sind mit", "e-mail (erforderlich)",
               "benachrichtige mich über ", "informiere mich über ",
               "benachrichtigung bei weiteren kommentaren"),
        "fr": ("votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie"),
        "es": ("tu dirección de correo electrónico no será publicada",),
        "it": ("il tuo indirizzo email non sarà pubblicato",),
        "pt": ("o seu endereço de email não será publicado",
               "seu endereço de e-mail não será publicado"),
    },
    "legal": {
        "*": ("©", "(c) ", "copyright ", "copyright©", "℗"),
        "en": ("we use cookies", "this website uses cookies", "this site uses cookies",
               "by continuing to use", "by using this site", "by clicking", "privacy policy",
               "terms of use", "terms of service", "all rights reserved", "powered by wordpress",
               "proudly powered by wordpress", "blog at wordpress.com", *CONSENT_OPENINGS["en"]),
        "de": ("wir verwenden cookies", "diese website verwendet cookies",
               "diese seite verwendet cookies", "mit der nutzung", "bloggen auf wordpress.com",
               *CONSENT_OPENINGS["de"]),
        "fr": ("nous utilisons des cookies", "ce site utilise des cookies",
               "en poursuivant votre navigation", *CONSENT_OPENINGS["fr"]),
        "es": ("utilizamos cookies", "este sitio utiliza cookies", "usamos cookies",
               *CONSENT_OPENINGS["es"]),
        "it": ("utilizziamo i cookie", "questo sito utilizza cookie", "questo sito usa",
               *CONSENT_OPENINGS["it"]),
        "pt": ("utilizamos cookies", "usamos cookies", "este site utiliza cookies",
               *CONSENT_OPENINGS["pt"]),
    },
    "tags": {
        "en": ("tags:", "topics:", "filed under:", "filed to:", "categories:", "category:",
               "keywords:", "posted in ", "filed in "),
        "de": ("schlagworte:", "schlagwörter:", "themen:", "forum zum thema:", "kategorie:",
               "kategorien:", "themenseiten:"),
        "fr": ("mots-clés :", "mots-clés:", "thèmes :", "sujets :"),
        "es": ("etiquetas:", "temas:"),
        "it": ("tag:", "argomenti:"),
        "pt": ("tags:", "temas:", "tópicos:", "assuntos:"),
    },
}
# fmt: on
"""Openings of furniture lines that go on with a title, a name or a notice (``Read more: ...``)."""

SHARE_HEADINGS = (
    "share this", "diesen artikel teilen", "diesen beitrag teilen", "teile diesen",
    "partager cet", "compartir este", "comparte este", "condividi questo", "compartilhe este",
    "partilhe este",
)  # fmt: skip
"""Openings of the heading over a page's share buttons ("Share this article", "Diesen Artikel
teilen"), in several languages: a share button alone ("Share", "Teilen") heads no section."""

SECTION_KINDS = frozenset({"related", "comments", "tags", "share", "subscribe"})
"""Kinds of furniture that open a section of more furniture (a list of links, a comment form)."""
PREFIX_LIMIT = 160
"""A furniture line that opens with a prefix is short; a longer one is a paragraph."""

_MARKER = lazy_pattern(r"^(?:[*+•·▪►>»›\-–—]+|\d{1,3}[.)])\s+")
_COUNT = lazy_pattern(r"(?:\s*[(\[]\s*\d[\d.,]*\s*[)\]]|\s+\d[\d.,]*[km]?)+$", re.IGNORECASE)
_CLOSING = " \t:：|•·›»→…»>*-–—.!?"


def phrase_key(line: str) -> str:
    """A line as the tables hold it: lower case, no list marker, count or closing punctuation."""
    text = spaced(line).casefold()
    if text[:1] in _MARKER_STARTS:
        text = _drop_marker(text)
    text = text.replace("...", "").strip(_CLOSING)
    if text[-1:].isdigit() or text[-1:] in ")]":
        text = _drop_count(text).strip(_CLOSING)
    return text


_MARKERS = "*+•·▪►>»›-–—"
_MARKER_STARTS = frozenset(_MARKERS + "0123456789")


def _drop_marker(text: str) -> str:
    """``text`` (case-folded, its spaces single ASCII ones) without the list marker it opens with:
    what ``_MARKER`` would take, told without it for the usual bullets."""
    if text[0] in _MARKERS:  # (a run of bullets, then a space)
        marker, space, rest = text.partition(" ")
        return rest if space and not marker.strip(_MARKERS) else text
    found = _MARKER.match(text)
    return text[found.end() :] if found else text


_COUNT_CHARACTERS = " ()[]0123456789.,km"
"""What a count that ``_COUNT`` takes off a key's end is made of (ASCII; the key is case-folded)."""


def _drop_count(text: str) -> str:
    """``text`` (case-folded, its spaces single ASCII ones) without its trailing counts: what
    ``_COUNT.sub("", text)`` gives, the pattern tried only on the run of count characters the text
    ends with rather than from every character of it."""
    start = len(text.rstrip(_COUNT_CHARACTERS))
    if start and (text[start - 1].isdecimal() or text[start - 1].isspace()):
        start = 0  # (a digit of another script or an odd space: the run may go on before it)
    found = _COUNT.search(text, start)
    return text[: found.start()] if found else text


PHRASE_KEYS = frozenset(
    phrase.casefold()
    for by_language in PHRASES.values()
    for found in by_language.values()
    for phrase in found
)
"""Every whole-line phrase of every kind and language."""


def _language(tag: str | None) -> str | None:
    return tag.split("-")[0].casefold() if tag else None


@cache
def _phrase_table(language: str | None) -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, by_language in PHRASES.items():
        for code, phrases in by_language.items():
            if language is None or code in ("*", language):
                for phrase in phrases:
                    table.setdefault(phrase.casefold(), kind)  # (as keys are: "ß" is "ss")
    return table


_COUNTED = (
    r"comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"commenti|comentários?|reacties|beiträge?|shares?|views?|likes?|reads?"
)
"""What a count at the start of a line counts when the line is furniture ("12 comments")."""
_COMMENT_COUNT = lazy_pattern(r"^\d[\d.,]*\s+(?:" + _COUNTED + ")$")
_TEASER_LINKS = (
    "Mehr", "More", "Read more", "Read More", "Weiterlesen", "Lire la suite", "Lire plus",
    "Leer más", "Seguir leyendo", "Leggi tutto", "Continua", "Leia mais", "Continue reading",
    "Keep reading", "Full story",
)  # fmt: skip
"""The "More…" links that end a teaser of another story (case as written)."""
_TEASER_END = lazy_pattern(
    r"[.!?\"”»]\s+(?:" + "|".join(_TEASER_LINKS) + r")"  # (plain words: no escaping needed)
    r"\s*(?:…|\.\.\.|»|›|→|>>?|\[…\])?$",
)
"""A teaser of another story ends with a "More…" link."""
_CJK_EDITOR = lazy_pattern(r"^[【（(\[]\s*(?:责任编辑|编辑|責任編輯|編輯)\s*[:：].{1,30}[】）)\]]$")


def furniture_kind(line: str, language: str | None = None) -> str | None:
    """The kind of page furniture a whole line is (``navigation``, ``account``, ``subscribe``,
    ``share``, ``advertisement``, ``related``, ``comments``, ``legal``, ``tags``), or ``None``."""
    if language is None:
        known = _LATELY.get(line, _UNJUDGED)
        if known is not _UNJUDGED:
            return cast("str | None", known)
    if len(line) > PREFIX_LIMIT:  # a paragraph: only a teaser's "More…" or a cookie notice
        teaser = line.rstrip().endswith(_TEASER_ENDINGS) and _TEASER_END.search(line.strip())
        if teaser:
            return "related"
        return "legal" if _cookie_notice(line) else None
    key = phrase_key(line)
    if not key:
        return None
    code = _language(language)
    kind = _phrase_table(code).get(key)
    if kind is not None:
        return kind
    first = key[0]
    if first.isdigit() and _COMMENT_COUNT.match(key):
        return "comments"
    if first in "【（([" and _CJK_EDITOR.match(key):
        return "legal"
    if line.rstrip().endswith(_TEASER_ENDINGS) and _TEASER_END.search(" ".join(line.split())):
        return "related"
    if len(key) <= PREFIX_LIMIT:
        prefixes = _prefixes(code)
        for start in (key[:2], key[:1]):  # (the second for prefixes of one character: "©")
            openings = prefixes.get(start)
            if openings is not None and key.startswith(openings.phrases):
                for prefix, found in openings.kinds:
                    if (
                        key.startswith(prefix)
                        and not _sentence(found, line)
                        and (prefix not in _CONSENT_PREFIXES or _CONSENT_TERMS.search(key))
                    ):
                        return found
    if (
        ("refer" in line or "éféré" in line or "vorzugt" in line or line.isupper())
        and _may_name_preferred_source(line)  # (most lines: no call; a button in capitals too)
        and _PREFERRED_SOURCE.match(" ".join(line.split()))
    ):
        return "share"
    if len(key) <= SHARE_ROW_LIMIT:
        return _share_list(key) or _link_row(key, code) or _comment_buttons(key)
    return None


_PREFERRED_SOURCE = lazy_pattern(
    r"^(?:follow|add|choose|make|set|select|fügen sie|füge|folgen sie|folge|wählen sie|wähle|"
    r"legen sie|lege|ajoutez|ajoute|suivez|choisissez|choisis|définissez|añade|añádenos|"
    r"agrega|agréganos|sigue|síguenos|elige|selecciona|aggiungi|aggiungici|segui|seguici|"
    r"scegli|imposta|seleziona|adicione|adiciona|siga|escolha|selecione|defina)\b"
    r"(?=.*\bgoogle\b).*\b(?:preferred[\s'’\"”]+source|bevorzugte[nr]?\s+quelle|"
    r"source\s+préférée|fuente\s+preferida|fonte\s+preferita|fonte\s+preferida)\b",
    re.IGNORECASE,
)
"""A promotion that asks the reader to follow the site on Google ("Add The Courier as a
preferred source on Google", "Follow The Courier on Google News and add us as a preferred
source", "Fügen Sie den Kurier als bevorzugte Quelle bei Google hinzu", "Ajoutez Le Courrier
comme source préférée sur Google"): it opens with what it asks, as no sentence of a story
about Google's feature does. :func:`furniture_kind` tries it only on lines
:func:`_may_name_preferred_source` lets through (and :func:`_screened_kinds` lets every such
line through)."""


def _may_name_preferred_source(line: str) -> bool:
    """Whether a line may hold a "preferred source" in one of the languages of
    :data:`_PREFERRED_SOURCE` ("preferred", "preferida", "preferita"; "préférée"; "bevorzugte"):
    searches in C for their stems, three of which most lines fail (a story's "prefer" fails the
    second); written out, as a generator over them costs more than the searches. The pattern
    ignores case, so a button printed in capitals ("ADD US AS A PREFERRED SOURCE ON GOOGLE") is
    looked at in small letters (the callers' screens let through only lines with a stem in small
    letters, or in capitals throughout: a page's style sets a button's whole label so, and
    ``isupper`` stops at a line's first small letter, where three more searches would read it
    all)."""
    text = line.lower()
    return ("refer" in text and ("referred" in text or "referid" in text or "referit" in text)) or (
        "éféré" in text or "vorzugt" in text
    )


_AUDIO_NOTICE = lazy_pattern(
    # the player's voice: "This audio", "Diese Audioversion", "The audio of this article",
    # "Ljuduppspelningen" (Swedish nouns carry their article: the definite ending; a story's
    # "Audio was created. ..." names no player's audio)
    r"^(?:(?:this|diese[rs]?|cet(?:te)?|ce|este|esta|questo|questa|deze|dit|denna|detta|"
    r"denne|dette)\s+"
    r"(?:audio(?:\s?(?:version|fassung|player))?|áudio|version audio|versión (?:en )?audio|"
    r"versione audio|vorlesefunktion)"
    r"|(?:ljud|lyd|uppläsning|oplæsning|opplesning)\w*(?:en|et)"
    r"|(?:the|die|la|el|il|de|het|o|a)\s+(?:audio(?:\s?(?:version|fassung))?|áudio|version audio|"
    r"versión (?:en )?audio|versione audio)\s+(?:of this (?:article|story)|dieses (?:artikels|"
    r"beitrags)|de cet article|de este artículo|di questo articolo|van dit artikel|"
    r"deste artigo))"
    # is (was, has been) ...
    r"\s+(?:is|was|has been|wurde|ist|wird|est|a été|es|ha sido|fue|è(?: stato)?|viene|wordt|"
    r"werd|är|blir|er|bliver|har blitt|foi|é)\s+"
    # ... (automatically, artificially, AI-) generated
    r"(?:(?:auto(?:matically)?|automatisch|künstlich|maschinell|automatiquement|"
    r"automáticamente|automaticamente|automatiskt|automatisk|artificially)[\s-]*)?"
    r"(?:(?:ai|ki|ia)-)?"
    r"(?:generated|created|produced|generiert|erzeugt|erstellt|générée?|produite?|generad[oa]|"
    r"generat[oa]|gegenereerd|genererad|genererat|generert|genereret|gerad[oa])"
    # (by a machine's voice)
    r"(?:\s+(?:by|with|using|through|durch|mit|von|par|avec|por|con|per|tramite|door|met|av|"
    r"med|af|pela|pelo|através de)\s+(?:an?\s+|l'|l’|la\s+|el\s+|een\s+|en\s+|einer?\s+|une?\s+|"
    r"un[ao]?\s+)?"
    r"(?:ai|ki|ia|artificial intelligence|künstliche[rn]? intelligenz|intelligence artificielle|"
    r"inteligencia artificial|intelligenza artificiale|kunstmatige intelligentie|"
    r"artificiell intelligens|kunstig intelligens|inteligência artificial|text-to-speech|"
    r"computer|machine|software|synthetic voice|synthetischen? stimme|voix de synthèse|"
    r"voz sintética|voce sintetica)\b)?"
    # and says no more in its sentence
    r"(?:[.!]?$|[.!]\s)",
    re.IGNORECASE,
)
"""The notice of an article's audio player that a machine reads it ("This audio is
auto-generated.", "Diese Audioversion wurde künstlich generiert.", "Ljuduppspelningen är
AI-genererad."), maybe followed by a line of small print ("Errors may occur."). It opens with the
player's audio (this audio, the audio of this article) and ends its sentence once it has said how
it was made: a story's sentence about a faked recording says who made it or what it did ("The
audio was generated by AI, police said"), and opens otherwise."""


def is_player_notice(line: str) -> bool:
    """Whether a line is the notice of an article's audio player that a machine reads it
    (:data:`_AUDIO_NOTICE`). Not a furniture kind: the notice is a sentence, and as one it counts
    towards the story it stands beside (a deck above the player belongs to the article); only
    the article's body leaves it out. The line must hold "audio" ("Audioversion", "áudio"),
    Swedish "ljud", Danish and Norwegian "lyd" or German "Vorlese-" (each a search in C, many
    times faster than the pattern)."""
    return (
        len(line) <= PREFIX_LIMIT
        and ("udio" in line or "jud" in line or "yd" in line or "orlese" in line)
        and _AUDIO_NOTICE.match(" ".join(line.split())) is not None
    )


SHARE_ROW_LIMIT = 120
"""A row of share buttons, or of a footer's links, is short."""
_ROW_SEPARATOR = lazy_pattern(r"\s*[|·]\s*")


def _link_row(key: str, language: str | None) -> str | None:
    """``Impressum | Datenschutz``, ``Terms · Privacy · Contact``: a row of links that are each
    a phrase of the tables (a footer's, a menu's), of the first one's kind."""
    if "|" not in key and "·" not in key:
        return None
    table = _phrase_table(language)
    kinds = [table.get(part.strip(_CLOSING)) for part in _ROW_SEPARATOR.split(key)]
    return kinds[0] if len(kinds) >= 2 and all(kinds) else None


_TEASER_ENDINGS = (
    "…", "...", "»", "›", "→", ">", "mehr", "more", "Mehr", "More", "suite", "plus", "más",
    "leyendo", "tutto", "Continua", "mais", "reading", "story", "]",
)  # fmt: skip


class _Openings(NamedTuple):
    """The prefix phrases that open with the same two characters."""

    phrases: tuple[str, ...]
    """All of them, for one ``startswith`` that says whether any opens a line."""
    kinds: list[tuple[str, str]]
    """Each with its kind, longest first."""


@cache
def _prefixes(language: str | None) -> dict[str, _Openings]:
    """Prefix phrases by their first two characters (a dictionary lookup, then one
    ``startswith`` for them all and a few for the one that opens the line)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for kind, by_language in PREFIXES.items():
        for code, phrases in by_language.items():
            if language is None or code in ("*", language):
                for phrase in map(str.casefold, phrases):  # (as keys are: "ß" is "ss")
                    table.setdefault(phrase[:2], []).append((phrase, kind))
    for entries in table.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return {
        start: _Openings(tuple(phrase for phrase, _ in entries), entries)
        for start, entries in table.items()
    }


_NETWORKS = frozenset(PHRASES["share"]["*"]) | {
    "x", "share", "tweet", "print", "pin", "save", "teilen",
}  # fmt: skip


COOKIE_NOTICE_LIMIT = 1200
"""Cookie notices are a paragraph or two."""


def _cookie_notice(line: str) -> bool:
    """A paragraph that opens like a cookie notice ("We use cookies and similar technologies to
    ...") and speaks of cookies."""
    if len(line) > COOKIE_NOTICE_LIMIT or not _may_mention_cookies(line):
        return False
    if "cookie" not in line.casefold():
        return False  # (spaces collapsed or not, the word is there or not)
    key = " ".join(line.split()).casefold()
    openings = _prefixes(None).get(key[:2])
    return openings is not None and any(
        key.startswith(prefix) for prefix, kind in openings.kinds if kind == "legal"
    )


def _may_mention_cookies(line: str) -> bool:
    """Whether "cookie" may stand in ``line.casefold()``, told without case-folding a line of
    other scripts (slow): only ASCII letters and the Kelvin sign fold to its letters (a dotted
    capital I folds to an "i" with a dot that no "e" follows; the "fi" ligatures have no "k")."""
    if line.isascii():
        return True  # (folding ASCII is fast)
    return b"cookie" in line.encode("ascii", "ignore").lower() or "\u212a" in line


def _share_list(key: str) -> str | None:
    """``Facebook | X | Email``, ``Facebook Twitter``: a row of share buttons."""
    return "share" if _row_of(key, _NETWORKS) else None


def _row_of(key: str, buttons: frozenset[str]) -> bool:
    """Whether a key is a row of two or more of ``buttons``, apart by spaces, commas, bars,
    dots or slashes."""
    if key.split(maxsplit=1)[0].strip(",|·/") not in buttons:
        return False
    parts = [part for part in re.split(r"[\s,|·/]+", key) if part]
    return len(parts) >= 2 and all(part in buttons for part in parts)


# fmt: off
COMMENT_BUTTONS = frozenset({
    # en
    "reply", "quote", "report", "abuse", "flag", "like", "dislike", "upvote", "downvote",
    "vote", "recommend", "rate", "permalink", "share", "edit", "delete", "positive", "negative",
    # de
    "antworten", "zitieren", "melden", "missbrauch", "bewerten", "empfehlen", "teilen",
    "positiv", "negativ", "gefällt", "mir",
    # fr
    "répondre", "citer", "signaler", "abus", "un", "recommander", "voter", "positif", "négatif",
    "partager", "j'aime",
    # es, pt
    "responder", "citar", "mensaje", "mensagem", "denunciar", "reportar", "abuso", "valorar",
    "votar", "positivo", "negativo", "recomendar", "compartir", "compartilhar", "me", "gusta",
    "curtir", "avaliar",
    # it
    "rispondi", "cita", "segnala", "vota", "consiglia", "condividi", "mi", "piace",
    # nl
    "reageren", "beantwoorden", "citeren", "misbruik", "positief", "negatief", "delen",
})
# fmt: on
"""The words of the buttons under each reader's comment (reply, quote, report, rate, vote up or
down), in several languages: a row of two or more of them is a comment's bar ("Reply Quote
Report", "Responder Citar mensaje", "Positivo Negativo")."""


def _comment_buttons(key: str) -> str | None:
    """``reply | quote | report``, ``positivo negativo``: a row of a comment's buttons."""
    return "comments" if _row_of(key, COMMENT_BUTTONS) else None


def _sentence(kind: str, line: str) -> bool:
    """ "More from the hearing is expected on Friday.", "Logged in as an administrator, a clerk
    could change the figures.": a sentence that opens like a link or an account line (one with a
    clause after a comma: "You are logged in as Jane Doe." is the account's line). Its end mark
    may stand inside a closing quotation mark ('... wrote: "We will not leave."')."""
    text = line.strip()
    if kind == "account":
        return ", " in text and len(text.split()) >= ACCOUNT_SENTENCE_WORDS
    if kind == "subscribe":
        return _story_sentence(text)
    return (
        kind in ("related", "tags", "navigation")
        and len(text.split()) >= 4
        and text.rstrip(_CLOSING_QUOTES).endswith((".", "!", "?"))
    )


def _story_sentence(text: str) -> bool:
    """Whether a line that opens as a sign-up prompt does ("Sign up for the beach clean-up on
    Saturday, the council urged residents."; "Recibe el alcalde a los vecinos.") is the story's
    sentence: a full sentence that quotes someone (:data:`_ATTRIBUTION`) or names none of what
    a site offers its readers (:data:`_SITE_OFFER`: "Sign up for our newsletter to get the latest
    news." is the prompt)."""
    folded = text.casefold()
    return (
        len(text.split()) >= STORY_SENTENCE_WORDS
        and text.rstrip(_CLOSING_QUOTES).endswith((".", "!", "?"))
        and (_ATTRIBUTION.search(folded) is not None or _SITE_OFFER.search(folded) is None)
    )


STORY_SENTENCE_WORDS = 6
"""Words from which a sign-up prompt's opening may start a sentence of the story (a prompt's
own sentence is as long: "Subscribe to our newsletter.")."""
_ATTRIBUTION = lazy_pattern(
    r",\s(?:[^\W\d_]+\s){0,3}(?:said|says|told|urged|added|sagte|sagt|erklärte|forderte|a dit|"
    r"a déclaré|a souligné|dijo|afirmó|pidió|ha detto|ha dichiarato|disse|afirmou|pediu)\b"
)
"""An attribution after a comma, at most three words before its verb of saying (", the council
urged residents", ", sagte der Bürgermeister", ", a dit le maire", ", dijo la alcaldesa")."""
_SITE_OFFER = lazy_pattern(
    r"\b(?:our|us|newsletters?|e-?mails?|inbox|subscri\w*|account|free|trial|alerts?|digest|"
    r"briefing|app|news|headlines|updates|stories|journalism|articles?|unlock|register\w*|"
    r"unser\w*|uns|abo\w*|konto|postfach|notre|nos|lettre|infolettre|compte|abonn\w*|gratuit\w*|"
    r"nuestr[oa]s?|bolet[ií]n|suscri\w*|cuenta|gratis|notici\w*|nostr[oa]|nostri|iscri\w*|nossa|"
    r"nosso|assinatura|assine|not[ií]cias|conta)\b"
)
"""What a site offers its readers in a sign-up prompt, in six languages (its newsletter, an
account, a free trial, its news, in words of the site's own: "our", "unser", "notre")."""


_CLOSING_QUOTES = "\"'”’“»« "
"""Closing quotation marks (and the space inside French guillemets) after a sentence's end mark."""


ACCOUNT_SENTENCE_WORDS = 8


# --- all the lines of a page at once -----------------------------------------------------------


def furniture_kinds(
    texts: Sequence[str], language: str | None = None, *, page: bool = True, keep: bool = False
) -> list[str | None]:
    """:func:`furniture_kind` of each of ``texts``, the very same answers, for all the lines of a
    page at once (several times faster: nearly every line of a page is ruled out by a look at its
    first word and last letters, and only the few left are judged in full)::

        furniture_kinds(["Share on Facebook", "The council met on Tuesday."]) -> ["share", None]

    How the look is proved to let every furniture line through is told at :func:`_screen`.
    ``page=False``: lines of a text looked at before it is known to be a page (to tell whether
    it is a web copy at all): judged line by line in a process's first text, as a first page is,
    up to :data:`UNSCREENED_PAGE` lines (the text counts as judged once :func:`text_judged` says
    so). With ``keep``, their kinds are kept for a while, as the plain-text reader then asks
    about them again, one at a time (:data:`_LATELY`: lines up to :data:`PREFIX_LIMIT`
    characters, at most :data:`LATELY_LIMIT`)."""
    if not page:
        if not _JUDGED_BEFORE and _UNSCREENED[0] + len(texts) <= UNSCREENED_PAGE:
            _UNSCREENED[0] += len(texts)
            kinds = [furniture_kind(text, language) for text in texts]
        else:
            kinds = _screened_kinds(texts, language)
        if keep and language is None:
            kept = [pair for pair in zip(texts, kinds, strict=True) if len(pair[0]) <= PREFIX_LIMIT]
            if len(_LATELY) + len(kept) > LATELY_LIMIT:
                _LATELY.clear()
            _LATELY.update(kept[:LATELY_LIMIT])  # (the first lines: the headline is first)
        return kinds
    if not _JUDGED_BEFORE:
        _JUDGED_BEFORE.append(True)
        if len(texts) <= UNSCREENED_PAGE:
            # The first page of a process (a one-shot conversion's only one) is judged line by
            # line: building the screen (3 ms) pays only over many pages.
            return [furniture_kind(text, language) for text in texts]
    return _screened_kinds(texts, language)


UNSCREENED_PAGE = 200
"""Most lines of a first page judged without the screen (a line judged in full costs a few
microseconds, about what the screen costs on a short line)."""
_JUDGED_BEFORE: list[bool] = []
"""Whether a page or text has been judged in this process (a list: no ``global`` needed)."""
_UNSCREENED = [0]
"""Lines of the process's first text judged line by line with ``page=False``."""


def text_judged() -> None:
    """Count the text whose lines :func:`furniture_kinds` judged with ``page=False`` as the
    process's first judged (a one-shot conversion builds no screen; a batch's warm-up, which
    converts its first input twice, builds it before the workers are forked)."""
    if not _JUDGED_BEFORE:
        _JUDGED_BEFORE.append(True)


_LATELY: dict[str, object] = {}
"""The kinds (in no language) of the lines last judged with ``page=False`` and ``keep``, by line,
which :func:`furniture_kind` answers from (a cache of a function of the line alone: any entry is
right, whichever call left it)."""
_UNJUDGED = object()
LATELY_LIMIT = 256
"""Lines whose kinds :data:`_LATELY` keeps at most (it is emptied when full): lines of at most
:data:`PREFIX_LIMIT` characters, so at most a few hundred kilobytes."""


def _screened_kinds(texts: Sequence[str], language: str | None) -> list[str | None]:
    """:func:`furniture_kinds` with the screen."""
    screen = _screen()
    heads, ends, width, loose = screen.heads, screen.ends, -screen.width, screen.loose
    kinds: list[str | None] = []
    append = kinds.append
    for text in texts:
        rest = text.strip(_EDGE)
        head = rest.partition(" ")[0].casefold()
        if (  # (a promotion for Google: _PREFERRED_SOURCE; most lines: no call)
            "refer" in text or "éféré" in text or "vorzugt" in text or text.isupper()
        ) and _may_name_preferred_source(text):
            maybe = True
        elif (
            head in heads
            or (not head.isalpha() and _may_open(head, text, screen))
            or (loose and head.startswith(loose))
        ):
            maybe = _may_be_furniture(text, screen) or (
                rest[width:] in ends and text.rstrip().endswith(_TEASER_ENDINGS)
            )
        elif rest[width:] in ends:
            maybe = text.rstrip().endswith(_TEASER_ENDINGS)
        else:
            append(None)
            continue
        append(furniture_kind(text, language) if maybe else None)
    return kinds


def _may_open(head: str, text: str, screen: _Screen) -> bool:
    """Whether a line whose first word up to a space, case-folded (``head``), is not all letters
    may be furniture by that word, as :func:`_may_be_furniture` reads it: it opens with a digit
    or a stop (a count, a copyright sign), "..." stands in the line, or the part of the word
    before a space, digit or stop (its cut) is a table's first word's. Most such words
    ("e-mobilität", "kft/fto", "motorrad:") are told here without the whole look. A word that
    nothing cuts short is looked at in full: the edge characters stripped from the line's end,
    which ``head`` lacks, may lengthen its cut."""
    initial = head[:1]
    if initial.isdecimal() or initial in screen.stops:
        return True
    if initial not in screen.initials:
        return False
    cut = _cut(head)[0]
    return cut == head or cut in screen.firsts or "..." in text


_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.isspace`` (and so ``str.split`` and ``\\s``) takes for a space."""
_EDGE = _SPACES + _CLOSING + _MARKERS
"""What may stand before a line's first word and be dropped on the way to its key: spaces, list
markers and closing punctuation (``+``, ``▪`` and ``►`` go only as markers: see _screen)."""
_STOPS = "".join(sorted(set(_CLOSING + "([,|·/©℗【（") - set(_SPACES)))
"""Where the part of a word the screen looks up ends (with spaces and digits): where phrase_key may
cut a word short (closing punctuation, counts in brackets), where a share row separates networks,
and the signs that open copyright and CJK editor lines."""
_WORD = lazy_pattern(r"[^\s\d" + re.escape(_STOPS) + "]*")


def _cut(word: str) -> tuple[str, str]:
    """The part of a (case-folded) word before any space, digit or stop, and the character that
    ends it ("" at the end of the word): ``"comments(12)"`` -> ``("comments", "(")``."""
    if word.isalpha():
        return word, ""
    end = _WORD.match(word).end()  # type: ignore[union-attr]  # (matches at least "")
    return word[:end], word[end : end + 1]


_ANY = None
"""Any second word, or any character after the first word's cut."""


class _Screen(NamedTuple):
    """What the first and last words of a furniture line can be (built from the tables)."""

    firsts: dict[str, dict[str, frozenset[str] | None]]
    """By the cut of a line's first word and the character that ends it ("": any): the cuts the
    second word may have (``None``: any)."""
    loose: tuple[str, ...]
    """Openings of prefixes without a space or stop, which any first word may go on from."""
    heads: frozenset[str]
    """First words (case-folded, without their edge characters) a line whose first word has only
    letters must have to be furniture."""
    ends: frozenset[str]
    """Last letters a teaser line ends with, once its edge characters are stripped."""
    width: int
    """How many last letters those are."""
    numbered: bool
    """Whether a phrase, prefix or network opens with a digit."""
    initials: frozenset[str]
    """The first characters of the cuts in ``firsts`` and of the loose openings."""
    stops: frozenset[str]
    """The characters of :data:`_STOPS` (a line's first word that opens with one is looked at in
    full; a line of edge characters alone has an empty first word, no kind)."""


@cache
def _screen() -> _Screen:
    """The screen of :func:`furniture_kinds`, from :data:`PHRASES`, :data:`PREFIXES`, the share
    networks and the teaser links.

    Why it lets every furniture line through. :func:`phrase_key` case-folds the line, collapses its
    spaces, drops one list marker, every "...", closing punctuation at both ends and trailing
    counts. Case folding leaves spaces, digits, edge characters and stops as they are and turns no
    other character into one of them (a test checks every code point), so the key starts with
    the case-folded first character of ``line.lstrip(_EDGE)`` after an ordinal marker (``"12. "``)
    is dropped, unless ``+``, ``▪`` or ``►`` is left in front of it, and then only ``+1`` can
    follow, a digit. Words keep their spaces; the key's first word is the line's with "..." gone,
    or a part of it that a stop ends (``"comments(12)"`` -> ``"comments"``), and its second word
    likewise. So a line can only be furniture when

    - its first word starts with a digit, a stop or a bracket (counts, CJK editor lines, ``©``),
    - or the cut of its first word is that of a phrase's first word, a prefix's, or a share
      network's (``"related"`` for ``"Related articles"``), and the cut of its second word that of
      the phrase's second word ("" for a one-word phrase: what follows it is counts and
      punctuation), of the prefix's, or of a network in a share row,
    - or it ends with a teaser's "More…" link (every teaser link ends in a word of three letters or
      more, or in ``[…]``, once the line's edge characters are stripped),
    - or it is a row of phrases set apart by ``|`` or ``·`` (``"impressum | datenschutz"``): it
      opens as its first phrase does, and its second word is that phrase's, or the separator,
      which is a stop (its cut is ""),

    cookie notices being lines that open with a legal prefix. :func:`_may_be_furniture` tells
    exactly this; the look of :func:`furniture_kinds` lets more through: a first word that is not
    all letters and opens with a digit or a stop, or whose cut is one of ``firsts`` or the whole
    word (see :func:`_may_open`), and the first words of the tables without their trailing edge
    characters (a one-word line's edge characters are stripped with the line's: ``"Google+"`` ->
    ``"google"``).
    """
    firsts: dict[str, dict[str, frozenset[str] | None]] = {}
    loose: list[str] = []
    numbered = False

    def opens(word: str, seconds: frozenset[str] | None, whole: bool) -> None:
        """A line may open with ``word`` (``whole``: as its first word; else as the opening of
        it), followed by a second word with one of the cuts ``seconds``."""
        nonlocal numbered
        bare = word.lstrip(_EDGE)
        if not bare:
            raise ValueError(f"a furniture phrase of edge characters only: {word!r}")
        if bare == word and bare[0].isdecimal():
            numbered = True  # (then every line that opens with a number is judged in full)
        cut, stop = _cut(bare)
        if not whole and not stop:
            loose.append(bare)
        elif cut:
            by_ending = firsts.setdefault(cut, {})
            ending = stop if stop or not whole else ""
            known = by_ending.get(ending, _NO_WORDS)
            by_ending[ending] = None if known is None or seconds is None else known | seconds

    networks = frozenset(_cut(network)[0] for network in _NETWORKS) | {""}
    for by_language in PHRASES.values():
        for phrases in by_language.values():
            for phrase in map(str.casefold, phrases):  # (as keys are)
                words = phrase.split()
                opens(words[0], frozenset({_cut(words[1])[0] if len(words) > 1 else ""}), True)
    for by_language in PREFIXES.values():
        for prefixes in by_language.values():
            for prefix in map(str.casefold, prefixes):  # (as keys are)
                words = prefix.split()
                if len(words) == 1 and not prefix[-1].isspace():
                    opens(prefix, _ANY, False)  # ("tags:", "©"): any word may follow
                elif len(words) == 1:
                    opens(words[0], _ANY, True)  # ("(c) ")
                elif len(words) > 2 or prefix[-1].isspace():
                    opens(words[0], frozenset({_cut(words[1])[0]}), True)
                else:  # ("share this"): the second word opens with the prefix's
                    cut = _cut(words[1])[0]
                    opens(words[0], frozenset({cut}) if cut != words[1] else _ANY, True)
    for network in _NETWORKS:
        opens(network, networks, True)
    buttons = frozenset(_cut(button)[0] for button in COMMENT_BUTTONS) | {""}
    for button in COMMENT_BUTTONS:
        opens(button, buttons, True)
    heads = set(firsts) | {cut.rstrip(_EDGE) for cut in firsts}
    last_words = [link.split()[-1] for link in _TEASER_LINKS] + ["[…]"]
    width = min(map(len, last_words))
    initials = frozenset(cut[0] for cut in [*firsts, *loose])
    return _Screen(
        firsts,
        tuple(word.rstrip(_EDGE) for word in loose),
        frozenset(heads),
        frozenset(word[-width:] for word in last_words),
        width,
        numbered,
        initials,
        frozenset(_STOPS),
    )


_ORDINAL = lazy_pattern(r"\s*(?=[0-9])\d{1,3}[.)]\s+")
"""The ordinal list marker (``"12. "``) phrase_key drops at the start of a line."""


def _may_be_furniture(text: str, screen: _Screen) -> bool:
    """Whether ``text`` may be a furniture line by its first two words (see :func:`_screen`):
    False only for lines :func:`furniture_kind` finds no furniture in, teasers aside."""
    ordinal = _ORDINAL.match(text) if text.lstrip()[:1].isdigit() else None
    opening = text[ordinal.end() :] if ordinal else text
    rest = opening.lstrip(_EDGE)
    if not rest:
        return True
    initial = rest[0].casefold()[0]  # (the first word's, case-folded)
    if initial not in screen.initials and initial not in _STOPS and not initial.isdecimal():
        return False
    words = rest.split(None, 2)
    first = words[0].casefold()
    if initial in _STOPS or initial.isdecimal():
        if not initial.isdecimal() or screen.numbered or "..." in first:
            return True  # (a stop or bracket opens it: a copyright, a CJK editor line)
        # A count ("12 comments"), unless a "+" is left in front of the number ("+1")
        sign = opening[: len(opening) - len(rest)].rstrip(".")[-1:]
        second = words[1].casefold() if len(words) > 1 else ""
        counted = (
            second[:1] in _COUNTED_INITIALS and _COUNTED_WORD.fullmatch(_cut(second)[0]) is not None
        )
        return sign in _STICKY_SIGNS or counted or "..." in second
    if "..." in first:
        return True
    cut, stop = _cut(first)
    if screen.loose and cut.startswith(screen.loose):
        return True
    by_ending = screen.firsts.get(cut)
    if by_ending is None:
        return False
    anywhere = by_ending.get("", _NO_WORDS)
    here = by_ending.get(stop, _NO_WORDS) if stop else _NO_WORDS
    if anywhere is _ANY or here is _ANY:
        return True
    second = words[1].casefold() if len(words) > 1 else ""
    cut = _cut(second)[0]
    return cut in anywhere or cut in here or "..." in second


_NO_WORDS: frozenset[str] = frozenset()
_STICKY_SIGNS = frozenset("+▪►")
"""List markers that phrase_key drops only before a space (``"+ Sport"``, not ``"+1"``)."""
_COUNTED_WORD = lazy_pattern(_COUNTED)
_COUNTED_INITIALS = frozenset(word[0] for word in _COUNTED.split("|"))
"""The letters :data:`_COUNTED_WORD` matches first (every word of it opens with a plain letter):
a word opening otherwise is told without cutting it and trying the pattern."""


def is_furniture(line: str, language: str | None = None) -> bool:
    """Whether a whole line is page furniture (see :func:`furniture_kind`)."""
    return furniture_kind(line, language) is not None


def opens_section(line: str, language: str | None = None) -> bool:
    """Whether a whole line heads a section of furniture ("Related", "Most read", "Comments",
    "Tags: ..."), so that the short lines after it are furniture too."""
    return furniture_kind(line, language) in SECTION_KINDS


# --- messages of the page's widgets ---------------------------------------------------------------

_PAGE_MESSAGE = lazy_pattern(
    # a widget's error or status message, in the six languages
    r"^(?P<error>oops\b|something went wrong|sorry, (?:something|an error|there was)|"
    r"an error (?:has )?occurred|there was (?:an error|a problem)|please try again|"
    r"etwas ist schiefgelaufen|ein fehler ist aufgetreten|"
    r"une erreur (?:s'est produite|est survenue)|"
    r"algo (?:salió|deu) (?:mal|errado)|(?:se ha producido|ha ocurrido|ocorreu) um? erro|"
    r"si è verificato un errore|qualcosa è andato storto)"
    # a form's prompt: what to type in the box under it
    r"|^(?:enter|type|choose|select)\s+(?:(?:your|a|an|the)\s+)?"
    r"(?:city|zip|postcode|post code|postal code|location|address|keywords?|search terms?)\b"
    r"|^(?:bitte\s+)?(?:plz|ort|suchbegriff)\s+eingeben\b"
    r"|^(?:entrez|saisissez|introduce|ingresa|inserisci|digite)\s+(?:votre|une?|tu|su|la|il|o|a|seu|sua)\s",
    re.IGNORECASE,
)
MESSAGE_WORDS = 12
"""A widget's message is short; a longer line opening the same way is a sentence of a story."""


def is_page_message(line: str) -> bool:
    """Whether a line is a message of one of the page's widgets: an error or status message
    ("Something went wrong", "Ein Fehler ist aufgetreten") or a form's prompt ("Enter your zip
    code", "PLZ eingeben"). Such lines are never a headline, whatever their shape; a story's
    sentence may open the same way, so they are not furniture of the body."""
    text = " ".join(line.split())
    found = _PAGE_MESSAGE.match(text) if len(text.split()) <= MESSAGE_WORDS else None
    if found is None:
        return False
    rest = text[found.end() :]
    while (again := _PAGE_MESSAGE.match(rest.lstrip(" ,.!"))) is not None:  # ("Oops, something")
        found, rest = again, rest.lstrip(" ,.!")[again.end() :]
    return _message_tail(rest, prompt=found.group("error") is None)


def _message_tail(rest: str, prompt: bool = False) -> bool:
    """Whether what follows a message's phrase is more of the message ("Page not found", "while
    loading this content", ", please reload the page"), not a headline's clause: after a colon
    or a comma ("Oops: council forgets ...", "..., officials admit"), a name in capitals within
    a sentence ("at City Hall"), or more than a few words ("at the harbour board's night ferry
    vote"). A form's prompt may name its fields in capitals and say what they are for ("Enter
    City and State or Zip Code", "Enter your zip code to find the ferry times")."""
    head, comma, after = rest.partition(",")
    if comma:
        return _message_tail(head, prompt) and _PLEASE.match(after.strip()) is not None
    head, colon, after = rest.partition(":")
    if colon and after.strip():
        return _message_tail(head, prompt) and (
            _PAGE_MESSAGE.match(after.strip()) is not None
            or _PLEASE.match(after.strip()) is not None
        )
    words = rest.replace("!", " ! ").replace(".", " . ").replace("?", " ? ").split()
    named = any(
        word[:1].isupper() and words[at - 1] not in ("!", ".", "?")
        for at, word in enumerate(words)
        if at > 0
    )
    return prompt or (
        not named and sum(word not in ("!", ".", "?") for word in words) <= MESSAGE_TAIL_WORDS
    )


_PLEASE = lazy_pattern(
    r"(?:please|bitte|veuillez|merci de|por favor|per favore|tente|try)\b", re.IGNORECASE
)
MESSAGE_TAIL_WORDS = 5
"""Words a message has after its phrase, at most ("We couldn't find that page"): more make a
headline's clause."""


_GENDER_TAG = lazy_pattern(
    r"\((?=[^)]{0,12}[mf])(?:[mwfdxhv]|div)(?:\s*/\s*(?:[mwfdxhv]|div|\*)){1,2}\)"
    r"|\((?:all genders|gn)\)",
    re.IGNORECASE,
)
"""The gender tag of a job advertisement's title: German "(m/w/d)", "(w/m/div)", English "(m/f/d)",
"(all genders)", French "(H/F)", Dutch "(m/v/x)"; a man's or a woman's letter ("m", "f") among
its letters, which a product's abbreviations in the same form lack ("(v/h)": front and rear,
"(w/h)": width and height). (Searched in lines of :data:`JOB_OFFER_LIMIT` characters at most.)"""
JOB_OFFER_LIMIT = 300
"""A job box's line (title, employer, place) is this long at most; a longer one is a paragraph."""


_QUOTES_CLOSING = "\"'»«“”’‘›‹"
_CLAUSE_MARKS = ".!?:;,"


def is_job_offer(line: str) -> bool:
    """Whether a line is an offer of a job box set in the page ("Buchhalter (m/w/d) Stadtwerke
    Musterstadt"): a title with the gender tag job advertisements print, ending no sentence nor
    clause. A story that quotes an advertisement ends its sentence, inside quotation marks too
    („Werde Lokführer (m/w/d)!“), or opens a quotation with a colon."""
    text = line.rstrip()
    return (
        "(" in text
        and len(text) <= JOB_OFFER_LIMIT
        and text.rstrip(_QUOTES_CLOSING)[-1:] not in _CLAUSE_MARKS
        and _GENDER_TAG.search(text) is not None
    )


_BROADCAST_NOTE = lazy_pattern(
    r"(?:dieses thema im programm:\s*)?über dieses thema bericht(?:et|ete)\b:?"
    r"(?:[^.!?]|(?<=\d)\.){1,100}?\bum\s+\d{1,2}[:.]\d{2}\s+uhr\.?",
    re.IGNORECASE,
)
"""A broadcaster's note under a story, saying which programme carried its topic and when ("Über
dieses Thema berichtete Radio Nordhafen am 3. Mai 2024 um 18:00 Uhr.", after "Dieses Thema im
Programm:"): the slot's clock is what tells it from a sentence of the story opening the same way.
One sentence (a full stop only after a date's day or month): a paragraph of the story opening so
may close, sentences later, with a meeting's hour."""


def is_broadcast_note(line: str) -> bool:
    """Whether a line is a broadcaster's note of the programme that carried the story's topic
    (:data:`_BROADCAST_NOTE`, the whole line)."""
    text = line.strip()
    return (
        text[:1] in NOTE_FIRST_LETTERS
        and _BROADCAST_NOTE.fullmatch(" ".join(text.split())) is not None
    )


NOTE_FIRST_LETTERS = frozenset("DdÜü")
"""How a broadcaster's note opens ("Dieses Thema im Programm:", "Über dieses Thema ..."): a
look at the first letter before the pattern, which callers may take before calling."""


CALLS_TO_SIGN_UP = frozenset({
    "jetzt anmelden", "kostenlos anmelden", "jetzt kostenlos anmelden", "hier anmelden",
    "jetzt abonnieren", "kostenlos abonnieren", "jetzt kostenlos abonnieren", "hier abonnieren",
    "jetzt registrieren", "kostenlos registrieren",
    "sign up now", "sign up here", "sign up today", "sign up for free", "subscribe now",
    "subscribe here", "subscribe today", "subscribe for free", "register now",
    "inscrivez-vous", "inscrivez-vous gratuitement", "je m'inscris", "abonnez-vous",
    "suscríbete", "suscríbete aquí", "suscríbete gratis", "regístrate", "regístrate gratis",
    "iscriviti", "iscriviti ora", "iscriviti qui", "iscriviti gratis",
    "inscreva-se", "inscreva-se já", "assine já",
    "meld je aan", "schrijf je in", "nu aanmelden",
})  # fmt: skip
"""The call to action that closes a newsletter's blurb ("... every Friday. Sign up now!")."""
CALLS_TO_SUPPORT = frozenset({
    "jetzt unterstützen", "jetzt spenden", "unterstützen sie uns", "jetzt unterstützer werden",
    "support us", "support us now", "support us today", "donate now", "donate today",
    "soutenez-nous", "faites un don", "je fais un don",
    "apóyanos", "dona ahora", "haz una donación", "sostienici", "dona ora",
    "apoie-nos", "doe agora", "steun ons", "doneer nu",
})  # fmt: skip
"""The call to action that closes a reader appeal ("... Are you with us? Support us now")."""
BLURB_LIMIT = 400
"""A newsletter's blurb is a sentence or two and its call; a longer line is a paragraph."""
APPEAL_LIMIT = 1200
"""An appeal for support makes its case at more length, in one paragraph at most."""
_POINTERS = " \t»›→>"
"""What a button's label may carry after it ("Sign up now →")."""
_SENTENCE_MARKS = ".!?"
_CALL_ENDINGS = frozenset(call.split()[-1] for call in CALLS_TO_SIGN_UP | CALLS_TO_SUPPORT)
"""The last word of each call: a line that ends in none of them closes with no call."""
_CALL_REACH = max(map(len, _CALL_ENDINGS)) + 1
"""How far from a line's end its last word is looked for: a longer word is none of them."""


def is_blurb_with_a_call(line: str) -> bool:
    """Whether a line is a newsletter's blurb or a reader appeal set in the page: a few
    sentences about it, then a call to sign up (:data:`CALLS_TO_SIGN_UP`: "Die Nachtfähren-Post
    kommt jeden Freitag. Jetzt anmelden!") or to support the paper (:data:`CALLS_TO_SUPPORT`)
    as a sentence of its own. A story's sentence never closes with such a call. The call to
    support closes an appeal as long as a story's paragraph, so it counts only as its button's
    label run into the text, with no mark of its own ("Sind Sie dabei? Jetzt unterstützen"): a
    paragraph of the story closing with a plea it reports ("... the director told the council.
    Support us.") ends that sentence."""
    text = line.strip()
    if len(text) > APPEAL_LIMIT:
        return False
    labelled = text.rstrip(_POINTERS)
    text = labelled.rstrip(_POINTERS + _SENTENCE_MARKS)
    last_words = text.rstrip()[-_CALL_REACH:].split()  # (one look at the end first: most fail)
    last_word = last_words[-1] if last_words else ""
    if "." in last_word or "!" in last_word or "?" in last_word:  # ("Friday.Subscribe")
        last_word = last_word[max(map(last_word.rfind, _SENTENCE_MARKS)) + 1 :]
    if last_word.casefold() not in _CALL_ENDINGS:
        return False
    stop = max(map(text.rfind, _SENTENCE_MARKS))
    if stop <= 0:
        return False
    call = " ".join(text[stop + 1 :].split()).casefold()
    if call in CALLS_TO_SIGN_UP:
        return len(text) <= BLURB_LIMIT
    return call in CALLS_TO_SUPPORT and labelled == text
