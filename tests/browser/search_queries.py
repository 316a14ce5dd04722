"""The Danish queries readers type, with the page each must find, and how to ask Material's search.

Shared by the search test and the search engine comparison in benchmarks/."""

# (what a reader types, the page it must find in the top 3)
QUERIES = [
    ("recoveryskole", "/ordliste/"),
    ("recovery-skole", "/ordliste/"),
    ("recovery college", "/ordliste/"),
    ("peerstøtte", "/ordliste/"),
    ("peer-medarbejder", "/ordliste/"),
    ("ligestillet støtte", "/ordliste/"),
    ("bostøtte", "/ordliste/"),
    ("§ 85", "/ordliste/"),
    ("§ 104", "/ordliste/"),
    ("§§ 107", "/ordliste/"),
    ("VUM", "/ordliste/"),
    ("sagsbehandler", "/vejledning/myndighed/"),
    ("voksenudredningsmetoden", "/ordliste/"),
    ("kommunerne", "/kommuner/"),
    ("håb og drømme", "/principper/haab-oensker-droemme/"),
    ("åbenhed", "/principper/aabenhed-tillid-respekt/"),
    ("tidlig indsats", "/principper/tidlig-indsats/"),
    ("Styrmand i eget liv", "/kommuner/herning/"),
    ("Fælles mål – individuelle veje", "/kommuner/randers/"),
    ("Skovlyset", "/kommuner/herning/"),
    ("Psykiatriens Hus", "/kommuner/randers/"),
    ("Herlev", "/kommuner/herlev/"),
    ("informationsmøde", "/udviklingsforloeb/"),
    ("udviklingsforløb", "/udviklingsforloeb/"),
    ("partnerskabet", "/partnerskab/"),
    ("satspulje", "/partnerskab/"),
    ("pårørende", "/vejledning/borgere-og-paaroerende/"),
    ("civilsamfund", "/vejledning/samarbejdspartnere/"),
    ("frivillige", "/vejledning/samarbejdspartnere/"),
    ("selvbestemmelse", "/recovery/"),
    ("recoveryorienteret", "/recovery/"),
    ("afprøvning", "/faser/afproevning/"),
    ("baseline", "/faser/analyse/"),
    ("økonomi", "/partnerskab/"),
    # The overview has every municipality's budget in one column; the partnership's economy section answers "hvad koster det".
    ("budget", "/kommuner/"),
    ("hvad koster det", "/partnerskab/"),
    ("GRO", "/kommuner/roskilde/"),
    ("Udviklingssporet", "/kommuner/rudersdal/"),
    ("NADA", "/ordliste/"),
    # A section sign typed without its space, and a paragraph's letter (docs/javascripts/soegning.js).
    ("§85", "/ordliste/"),
    ("§104", "/ordliste/"),
    ("§108", "/ordliste/"),
    ("§141", "/ordliste/"),
    ("§§107", "/ordliste/"),
    ("82 b", "/ordliste/"),
    ("§§ 82 a–d", "/ordliste/"),
    # Typed without æ, ø and å, or with ae, oe and aa.
    ("bostotte", "/ordliste/"),
    ("peerstotte", "/ordliste/"),
    ("aabenhed", "/principper/aabenhed-tillid-respekt/"),
    ("abenhed", "/principper/aabenhed-tillid-respekt/"),
    ("paaroerende", "/vejledning/borgere-og-paaroerende/"),
    ("parorende", "/vejledning/borgere-og-paaroerende/"),
    ("afproevning", "/faser/afproevning/"),
    ("udviklingsforloeb", "/udviklingsforloeb/"),
    ("faellesskaber", "/principper/netvaerk-faellesskaber/"),
    ("fallesskaber", "/principper/netvaerk-faellesskaber/"),
    ("droemme", "/principper/haab-oensker-droemme/"),
    ("oensker", "/principper/haab-oensker-droemme/"),
    ("haab", "/principper/haab-oensker-droemme/"),
    # Whole questions, and words with a definite ending.
    ("hvad er recovery", "/recovery/"),
    ("hvad er en recoveryskole", "/ordliste/"),
    ("hvad er vum", "/ordliste/"),
    ("hvordan følger vi op", "/principper/opfoelgning/"),
    ("hvad gør sagsbehandleren", "/vejledning/myndighed/"),
    ("hvordan inddrager vi de pårørende", "/vejledning/borgere-og-paaroerende/"),
    ("hvad kan frivillige bidrage med", "/vejledning/samarbejdspartnere/"),
    ("hvornår er der informationsmøde", "/udviklingsforloeb/"),
    ("hvordan sætter ledelsen retningen", "/vejledning/strategisk-ledelse/"),
    ("hvad kan borgeren forvente", "/vejledning/borgere-og-paaroerende/"),
    ("hvad siger serviceloven om bostøtte", "/ordliste/"),
    ("sagsbehandleren", "/vejledning/myndighed/"),
    ("principperne", "/principper/"),
    # Whole questions whose answer a page's search keywords (soegeord) or the glossary's other words name.
    ("hvordan kommer vi i gang", "/faser/forankring/"),
    ("hvor skal vi starte", "/faser/forankring/"),
    ("hvad er det første skridt", "/faser/forankring/"),
    ("hvordan begynder vi", "/faser/forankring/"),
    ("hvordan kommer man sig", "/recovery/"),
    ("hvad er et implementeringsteam", "/ordliste/"),
    ("hvordan måler vi udgangspunktet", "/faser/analyse/"),
    ("hvem skal sidde i implementeringsteamet", "/vejledning/strategisk-ledelse/"),
    ("hvad er peer-støtte", "/ordliste/"),
    ("hvad gør myndigheden", "/vejledning/myndighed/"),
    ("hvordan arbejder vi med frivillige", "/vejledning/samarbejdspartnere/"),
    ("hvad er et værested", "/ordliste/"),
    # Money: the partnership's economy section, the overview with every budget, a municipality's own page.
    ("hvor mange penge fik kommunerne", "/kommuner/"),
    ("hvad kostede projektet i herning", "/kommuner/herning/"),
    ("herning budget", "/kommuner/herning/"),
    ("randers budget", "/kommuner/randers/"),
    ("tilskud", "/partnerskab/"),
    ("pris", "/partnerskab/"),
    ("udgifter", "/partnerskab/"),
    ("penge", "/partnerskab/"),
    # More sections and paragraph letters, typed in every way.
    ("§81", "/ordliste/"),
    ("§ 81", "/ordliste/"),
    ("§§82", "/ordliste/"),
    ("§ 107", "/ordliste/"),
    ("paragraf 85", "/ordliste/"),
    ("§ 82 b", "/ordliste/"),
    ("82b", "/ordliste/"),
    ("82 a", "/ordliste/"),
    ("§ 82 c", "/ordliste/"),
    # More words without æ, ø and å.
    ("oekonomi", "/partnerskab/"),
    ("okonomi", "/partnerskab/"),
    ("udviklingsforlob", "/udviklingsforloeb/"),
    ("informationsmoede", "/udviklingsforloeb/"),
    ("referencenetvaerk", "/partnerskab/"),
    ("netvaerk", "/principper/netvaerk-faellesskaber/"),
    # Single words the glossary explains but a page is about: that page comes before the glossary
    # (test_search.py checks the order for every single word in this table).
    ("referencenetværk", "/partnerskab/"),
    ("netværk", "/principper/netvaerk-faellesskaber/"),
    ("myndighed", "/vejledning/myndighed/"),
    ("peer", "/vejledning/tilbud/"),
    ("recovery college", "/ordliste/"),
    # Names and pages.
    ("implementeringsteam", "/kommuner/randers/"),
    ("ungecenteret", "/kommuner/randers/"),
    ("evaluering", "/faser/evaluering/"),
    ("hvor langt er vi", "/selvevaluering/"),
    ("qr-kode", "/oplaegsholdere/"),
    ("åbne data", "/data/"),
    ("tilgængelighed", "/tilgaengelighed/"),
]


# Both searches are asked from inside the page: the page waits on its own for each answer, every `step` ms
# for at most ten seconds (page.evaluate itself never times out).
_UNTIL = """const until = async (done, step) => {
        const deadline = performance.now() + 10000;
        while (!done()) {
            if (performance.now() > deadline) throw new Error('no answer from the search for ' + query);
            await new Promise(r => setTimeout(r, step));
        }
    };"""


# Material's search box, asked from inside the page in one round trip: the box emptied until the theme says
# "Indtast søgeord", then the whole query and one key-up (the theme searches on key-up; typed letter by letter,
# each keystroke is a search, and a busy worker answers them late), until it states a count and lists the
# results it counted.
_MATERIAL_SEARCH = """async (query) => {
    """ + _UNTIL + """
    const box = document.querySelector('.md-search__input');
    const meta = () => document.querySelector('.md-search-result__meta').textContent.trim();
    const type = (text) => {
        box.value = text;
        box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    };
    box.focus();
    type('');
    await until(() => meta() === 'Indtast søgeord', 10);
    type(query);
    await until(() => /^(\\d+ resultater|1 resultat|Ingen resultater fundet)$/.test(meta())
        && (meta() === 'Ingen resultater fundet' || document.querySelector('.md-search-result__item')), 10);
    return [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
        .map(a => a.getAttribute('href'));
}"""


def material_top(page, base_url, query: str, count: int = 3) -> list[str]:
    """The first pages the search lists for `query`, as it stands in the search box."""
    hrefs = page.evaluate(_MATERIAL_SEARCH, query)
    pages = [href.split("?")[0].split("#")[0].replace(base_url, "") for href in hrefs]
    return list(dict.fromkeys(pages))[:count]


# Zensical's search box is a dialog in a shadow root; its status line says "N results" (in English) and
# is empty while the box is. The query goes into the box as one input event (typing searches at every
# letter), and the page itself waits for the answer, one round trip per query: a list counts once it has
# stayed the same for 30 ms; "No results", which a busy machine can show for a moment first, after 500 ms.
# (Watched every 2 ms for 600 ms, 238 queries: the first list's three pages were always the last list's.)
_ZENSICAL_SEARCH = """async (query) => {
    """ + _UNTIL + """
    const root = [...document.querySelectorAll('body > div')].map(d => d.shadowRoot).find(r => r && r.querySelector('dialog'));
    const input = root.querySelector('dialog input');
    const status = () => root.querySelector('[role=status]').textContent.trim();
    const hrefs = () => /^\\d+ results?$|^No results/.test(status())
        ? [...root.querySelectorAll('ol[role=listbox] a[role=option]')].map(a => a.getAttribute('href')).join(' ')
        : null;
    const type = (text) => { input.value = text; input.dispatchEvent(new Event('input', {bubbles: true, composed: true})); };
    type('');
    await until(() => status() === '', 20);
    type(query);
    let seen = null, since = 0;
    await until(() => {
        const now = hrefs();
        if (now !== seen) { seen = now; since = performance.now(); }
        return seen !== null && performance.now() - since >= (seen ? 30 : 500);
    }, 20);
    return seen ? seen.split(' ') : [];
}"""


def open_zensical_search(page) -> None:
    """Open Zensical's search box as a reader does, with its keyboard shortcut."""
    page.keyboard.press("Control+k")
    page.wait_for_function("""() => [...document.querySelectorAll('body > div')].map(d => d.shadowRoot)
        .some(r => r && r.querySelector('dialog[open]'))""")


def zensical_top(page, base_url, query: str, count: int = 3) -> list[str]:
    """The first pages Zensical's open search box lists for `query`, put into it emptied."""
    hrefs = page.evaluate(_ZENSICAL_SEARCH, query)
    pages = [href.split("?")[0].split("#")[0].replace(base_url, "") for href in hrefs if href]
    return list(dict.fromkeys(pages))[:count]
