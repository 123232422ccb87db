"""Event lexicons of the languages other than English that war reports come in.

Each language is a :class:`Language`: its trigger lexicon (same shape as
:data:`geo.events.TRIGGERS`: (kind, pattern), most specific first), its attribution cues, denial
phrases, negations and military noun phrases. The patterns are lower case and run over the
report's fully lowered copy; Ukrainian and Russian words inflect, so their entries are stems
followed by ``\\w*``. A language's lexicons run only on reports its cheap test
(:func:`active_languages`) finds written in it, so English reports never pay for them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.models import EventKind

K = EventKind


class Language(NamedTuple):
    """One language's event lexicons (every pattern lower case)."""

    name: str
    #: (kind, pattern), in the order they are tried: a matched span is not matched again.
    triggers: tuple[tuple[EventKind, str], ...]
    #: A say-verb: its speaker stands before it ("Минобороны заявило"), or after it when it
    #: opens its clause (", повідомив голова ОВА").
    say: str
    #: A phrase whose speaker follows it ("за словами X", "laut X", "selon X").
    according: str
    #: A denial; group "verb" when it is a verb, whose object is the claim denied.
    denial: str
    #: A negation right before a trigger ("не захопили").
    negation: str
    #: A military noun phrase: an actor.
    actors: str
    #: A side named as an adjective right before its trigger ("russischen Angriff").
    side_before: str
    #: Lower-case words that may stand in a speaker's noun phrase (a pattern one word matches).
    role_words: str
    #: Words skipped between a speaker and its say-verb, or before the speaker after one.
    skip_words: frozenset[str]
    #: Words left off the front of a speaker's phrase (articles, "в" of "заявили в Генштабі").
    leading: frozenset[str] = frozenset()
    #: Words after a say-verb that end its speaker (German "teilte X mit").
    particles: frozenset[str] = frozenset()
    #: What stands right before a place the event happened near ("поблизу", "bei").
    near_before: str = r"$^"
    #: Words of the language that English does not write: MIN_MARKERS of them mark a report
    #: as written in it. Empty for a language recognised by its script.
    markers: frozenset[str] = frozenset()
    #: Letters of the language that English does not write: any of them counts as one marker
    #: (one only: Swedish and Romanian write two of German's or French's).
    letters: str = ""
    #: What a denying verb denies when it points back at a claim made before it ("У ЗСУ цю
    #: інформацію спростували", "Kiew dementierte dies"): an object standing by the verb.
    back_object: str = r"$^"
    #: A negation after a trigger, ending its clause: German puts "nicht" last ("Kiew
    #: bestätigte die Einnahme nicht").
    negation_after: str = r"$^"
    #: A cue a few words before a trigger that makes it no event: a purpose, a possibility, a
    #: threat ("щоб уникнути оточення", "чтобы избежать окружения", "можуть захопити").
    hypothetical: str = r"$^"
    #: What stands right before a place named only as a reference, to measure from ("на
    #: північ від Донецька", "в 50 км от Донецка", "западнее Бахмута"): not where it happened.
    reference_before: str = r"$^"
    #: A noun that points back at the last place named ("захопили місто", "бои за город"),
    #: in a sentence naming none.
    anaphor: str = r"$^"
    #: What stands between a place and another that only locates it ("Андріївка під Бахмутом",
    #: "Андреевку возле Бахмута"): the first is the place spoken of.
    locator: str = r"$^"
    #: The months, January first: each a pattern matching the month's name in any case form
    #: ("вересня", "у вересні"; "сентября", "в сентябре"). Empty: no times are read.
    months: tuple[str, ...] = ()
    #: What may open a time phrase ("у", "наприкінці", "вночі"); before a month's name with no
    #: day, one of them is needed ("у вересні"), so that a lone word is no time.
    when_before: str = r"$^"
    #: The word that may follow a year ("2024 року", "2024 года", "в 2022 році").
    year_word: str = r"$^"
    #: A time told relative to the report's ("минулого тижня", "три дня назад"): never the
    #: report's day.
    when_relative: str = r"$^"
    #: What may stand between places listed together, which share a trigger ("біля Куп'янська
    #: та Ізюма", "под Угледаром и Курахово"); matched against the whole text between them.
    coordination: str = r"$^"


# --- Ukrainian --------------------------------------------------------------------------------

_UK_SIDE = r"(?:російськ|росій|рашист|ворож|окупаційн|українськ|білоруськ)\w*"
_UK_FORCE = (r"(?:військ|військов|сил|армі|підрозділ|захисник|бійц|вояк|десантник|штурмовик|"
             r"частин|угрупован|бригад|батальйон|полк|дрон|безпілотник|авіаці|артилері|"
             r"окупант|загарбник|найманц|гвардійц|морпіх|прикордонник)\w*")

#: A weapon that makes an attack a strike, not a ground assault ("атакували Одесу ударними
#: дронами", "дрони атакували"): drones, missiles, glide bombs (КАБ), bombs, artillery.
_UK_WEAPON = (r"(?:дрон|безпілотник|бпла|ракет|шахед|герань|гераня|авіабомб|бомб|артилері|"
              r"каб(?:ами|ом|и|ів)?\b)")
_RU_WEAPON = (r"(?:дрон|беспилотник|бпла|ракет|шахед|герань|герани|авиабомб|бомб|артиллери|"
              r"каб(?:ами|ом|ы|ов)?\b)")

UKRAINIAN = Language(
    name="uk",
    triggers=(
        (K.ASSAULT, r"\b(?:намага|спробува|намір)\w*\s+(?:\w+\s+)?(?:прорва|захопи|взяти|"
                    r"оточи|зайти|увійти|просуну|штурмува|вклинит)\w*"),
        (K.ENTRY_REPELLED, r"\b(?:відби|відкину|відбив|зупини|зірва|відтісни|знешкодили\s+"
                           r"штурмов)\w*|\bневдал\w+\s+(?:спроб|атак|штурм)\w*"),
        (K.INTERCEPTION, r"\b(?:зби(?:ли|в|ла|то|ті)|збит\w*|збива\w*|перехопи\w*|перехопл\w*|"
                         r"знешкод(?:жен|жено|жені|или|ила|ив)\w*)"),
        (K.STRIKE, r"\b(?:обстр[іе]л|обстрілю|обстріля|удар|удари|вдари|вдарил|ракет|бомбардув|"
                   rf"бомбув|шахед|{_UK_WEAPON}\w*\s+(?:\w+\s+)?атак|"
                   rf"атак\w*\s+(?:[\w'’-]+\s+){{0,3}}?{_UK_WEAPON}|"
                   r"вибух|авіаудар|артудар|скинул\w*\s+авіабомб)\w*|"
                   r"\bкаб(?:ами|ом|и|ів)?\b|\bприл[ьі]от(?:и|ів|у|ом)?\b"),
        (K.CAPTURE_CLAIM, r"\b(?:звільн|захопи|захопл|окупува|окупуют|окупація)\w*|"
                          r"\b(?:взя|взял|взяв|встанови|встановл|отрима)\w*\s+(?:повн\w+\s+)?"
                          r"під\s+(?:свій\s+|повний\s+)?контрол\w*|\bзайняли\b|\bзайняв\b|"
                          r"\b(?:встанови|поверну|повернул|відновил|відновив)\w*\s+(?:\w+\s+)?"
                          r"контроль\s+над\b|\bповерну\w*\s+під\s+(?:свій\s+)?контроль\b|"
                          # a capture named as a noun: "заявили про взяття Торецька",
                          # "про окупацію Вугледара" (not "взяття в полон")
                          r"\bвзяття\b(?!\s+(?:в|у)\s+полон)|\bокупацію\b|"
                          r"\bпідняли\s+прапор\w*"),
        (K.CONTROL_AFFIRMED, r"\bконтролю(?:ють|є|вали|вав)\b|\b(?:утримую|утримал|утримув|"
                             r"тримаю)\w*|"
                             r"\bпід\s+контролем\s+(?:україн|зсу|сил\s+оборони)\w*"),
        (K.WITHDRAWAL, r"\b(?:відійш|відійд|відступ|відвед|вийшли\s+з|вийшли\s+із|покину|"
                       r"виведен|вивели)\w*|\bзалишили\b"),
        (K.ASSAULT, r"\b(?:атак|штурм|просув|просуну|бойов\w*\s+зіткнен|зіткнен|"
                    r"оточ(?:енн|ен|или|ити|ують|ив)|прорив|"
                    r"прорва|контратак|контрнаступ)\w*|\bнаступ(?:і|у|ом|а\w*)?\b|"
                    # "увійшли в Андріївку": an entry, an attack on the place
                    r"\b(?:увійш|зайш|увірва|вдерл)\w*\s+(?:в|у|до)\b|"
                    r"\b(?:бій|бої|боїв|боях|бою)\b"),
        (K.EVACUATION, r"\b(?:евакуа|евакую|евакуйов)\w*"),
        (K.CASUALTIES, r"\b(?:загину|загибл|вбит|вбив|убит|поранен|поранил|постражда|"
                       r"травмован|жертв|смертельн)\w*"),
    ),
    say=r"\b(?:повідоми|заяви|оголоси|сказа|наголоси|зазначи|підтверди|напис|розпові|поінформува|"
        r"повідомля|стверджу|спростува|заперечи)\w*",
    according=r"\b(?:за\s+словами|за\s+даними|за\s+інформацією|як\s+повідоми\w*|як\s+заяви\w*|"
              r"про\s+це\s+повідоми\w*|про\s+це\s+заяви\w*|джерело:)\s+",
    denial=r"\b(?P<verb>спростува\w*|заперечи\w*|заперечу\w*)|\bне\s+відповіда\w*\s+дійсності\b|"
           r"\bнеправд\w*|\bфейк\w*|\bдезінформаці\w*",
    negation=r"\b(?:не|ні|жодн\w*|без)\s+(?:\w+\s+)?$",
    hypothetical=r"\b(?:щоб|аби|можуть|може|могли\s+б|планують|планує|погрож\w*|загрож\w*|"
                 r"намір\w*|уникну\w*|запобіг\w*|ризик\w*)(?:\s+\S+){0,3}\s*$",
    actors=rf"\b{_UK_SIDE}\s+(?:\w+\s+)?{_UK_FORCE}|\b(?:окупант|загарбник|росіян|рашист)\w*|"
           r"\b(?:ворог|противник)\w*|\bзсу\b|\bсил[иа]?\s+оборони\b|\bзс\s+рф\b",
    side_before=rf"\b((?:російськ|ворож|українськ|білоруськ)\w*)\s+(?!{_UK_FORCE})(?:\w+\s+)?$",
    role_words=r"(?:голов|мер|губернатор|речни|представни|начальни|керівни|командувач|"
               r"головнокомандувач|міністр|влад|міськ|міст|обл|облас|військов|адміністраці|"
               r"прес|місцев|угрупован|штаб|генштаб|офіс|уряд|відомств|служб|міноборони|"
               r"сил|оборони|збройн|президент|радни|секретар|військ|ради|рад|ова|мва|"
               r"російськ|українськ|міністерств)\w*",
    skip_words=frozenset("це про також вже раніше згодом зокрема цю ці таку інформацію дані "
                         "заяви заяву".split()),
    near_before=r"\b(?:біля|поблизу|під|неподалік\s+від|околиц\w*|на\s+підступах\s+до|"
                r"у\s+районі|в\s+районі|в\s+напрямку|на\s+\w+\s+напрямку|до)\s+"
                # "біля Куп'янська та Ізюма": near both
                r"(?:[\w'’-]+\s*(?:,|та|і|й)\s+){0,3}$",
    leading=frozenset("в у".split()),
    reference_before=r"(?:\b(?:північ|півден|схід|сход|захід|заход|км|кілометр|миль|милі)\w*"
                     r"(?:[-\s]\w+)?\s+від|\b(?:(?:північн|південн)о-)?(?:північн|південн|"
                     r"східн|західн)іше)\s+$",
    anaphor=r"\b(?:міст[оіау]|сел[оіу]|селищ[еіау])\b",
    locator=r"\s*,?\s*(?:біля|поблизу|під|неподалік\s+від|недалеко\s+від)\s+$",
    months=(r"січ(?:ень|ня|ні)", r"лют(?:ий|ого|ому)", r"берез(?:ень|ня|ні)",
            r"квіт(?:ень|ня|ні)", r"трав(?:ень|ня|ні)", r"черв(?:ень|ня|ні)", r"лип(?:ень|ня|ні)",
            r"серп(?:ень|ня|ні)", r"верес(?:ень|ня|ні)", r"жовт(?:ень|ня|ні)",
            r"листопад(?:а|і)?", r"груд(?:ень|ня|ні)"),
    when_before=r"(?:у|в|з|із|до|від|вночі|уночі|зранку|вранці|ввечері|наприкінці|на\s+початку|"
                r"у\s+середині|в\s+середині|станом\s+на)",
    year_word=r"(?:року|році|рік|р\.)",
    when_relative=r"\bминулого\s+(?:тижня|місяця|року)\b|\bна\s+минулому\s+тижні\b|"
                  r"\b\w+\s+(?:днів|дні|тижнів|тижні|місяців|місяці|років|роки)\s+тому\b",
    coordination=r"\s*(?:,|(?:,\s*)?(?:та|і|й|або|чи)\b)\s*(?:(?:біля|поблизу|під|в|у)\s+)?",
    back_object=r"\b(?:це|цю\s+інформацію|таку\s+інформацію|ці\s+(?:дані|заяви|твердження|"
                r"повідомлення)|цю\s+заяву|це\s+(?:твердження|повідомлення))\b",
)

# --- Russian ----------------------------------------------------------------------------------

_RU_SIDE = r"(?:российск|русск|вражеск|оккупационн|украинск|белорусск)\w*"
_RU_FORCE = (r"(?:войск|военн|сил|арми|подразделен|защитник|бойц|десантник|штурмовик|"
             r"част|группировк|бригад|батальон|полк|дрон|беспилотник|авиаци|артиллери|"
             r"оккупант|наемник|гвардейц|морпех|пограничник)\w*")

RUSSIAN = Language(
    name="ru",
    triggers=(
        (K.ASSAULT, r"\b(?:пыта|попыт|намерева)\w*\s+(?:\w+\s+)?(?:прорва|захват|взять|"
                    r"окружи|зайти|войти|продвину|штурмова|вклини)\w*"),
        (K.ENTRY_REPELLED, r"\b(?:отби|отрази|отраже|отброси|останови|сорва|оттесни)\w*|"
                           r"\bнеудач\w+\s+(?:попыт|атак|штурм)\w*"),
        (K.INTERCEPTION, r"\b(?:сбил[иао]?|сбит\w*|сбива\w*|перехвач\w*|перехвати\w*|"
                         r"уничтож\w*\s+(?:\w+\s+){0,2}?(?:беспилотник|дрон|ракет|бпла|шахед)\w*)"),
        (K.STRIKE, r"\b(?:обстрел|обстреля|обстрелива|удар|нанес\w*\s+удар|ракет|бомбардир|"
                   rf"бомбил|шахед|{_RU_WEAPON}\w*\s+(?:\w+\s+)?атак|"
                   rf"атак\w*\s+(?:[\w'’-]+\s+){{0,3}}?{_RU_WEAPON}|"
                   r"взрыв|авиаудар|артудар|сбросил\w*\s+авиабомб)\w*|"
                   r"\bкаб(?:ами|ом|ы|ов)?\b|\bприл[её]т(?:ы|ов|а|ом)?\b"),
        (K.CAPTURE_CLAIM, r"\b(?:освобожд|освободи|захвати|захвач|захват(?!чик)|оккупирова)\w*|"
                          r"\b(?:взя|взял|взяв|установи|установл|получи)\w*\s+(?:полн\w+\s+)?"
                          r"под\s+(?:свой\s+|полный\s+)?контрол\w*|\bзаняли\b|\bзанял\w?\b|"
                          r"\b(?:установи|верну|вернул|восстанови)\w*\s+(?:\w+\s+)?контроль\s+над\b|"
                          r"\bверну\w*\s+под\s+(?:свой\s+)?контроль\b|"
                          # a capture named as a noun: "заявило о взятии Торецка", "об
                          # оккупации Угледара" (not "взятие в плен")
                          r"\bвзяти[еяию]\b(?!\s+в\s+плен)|\bоккупацию\b|\bоб\s+оккупации\b|"
                          r"\bподняли\s+флаг\w*"),
        (K.CONTROL_AFFIRMED, r"\bконтролиру(?:ют|ет)\b|\bконтролировали\b|"
                             r"\b(?:удержива|удержал|удержив)\w*|"
                             r"\bпод\s+контролем\s+(?:украин|всу|сил\s+обороны)\w*"),
        (K.WITHDRAWAL, r"\b(?:отош|отойд|отступ|отвед|вышли\s+из|покину|оставил|выведен|вывели)"
                       r"\w*"),
        (K.ASSAULT, r"\b(?:атак|штурм|продвиг|продвину|боев\w*\s+столкновен|столкновен|"
                    r"окруж(?:ени|ен|или|ить|ают|ил)|прорыв|прорва|контратак|контрнаступ|наступлени|наступа)\w*|"
                    r"\b(?:бой|бои|боев|боях|боя)\b|"
                    # "вошли в Андреевку": an entry, an attack on the place
                    r"\b(?:вошл|зашл|ворвал|ворвут)\w*\s+в\b"),
        (K.EVACUATION, r"\b(?:эвакуа|эвакуир)\w*"),
        (K.CASUALTIES, r"\b(?:погиб|погибш|убит|убил|ранен|ранил|пострада|травмирова|жертв|"
                       r"смертельн)\w*"),
    ),
    say=r"\b(?:сообщи|заяви|объяви|сказа|подчеркну|отмети|подтверди|написа|рассказа|"
        r"проинформирова|сообща|утвержда|опроверг|отрица)\w*",
    according=r"\b(?:по\s+словам|по\s+данным|по\s+информации|по\s+сообщению|как\s+сообщи\w*|"
              r"как\s+заяви\w*|об\s+этом\s+сообщи\w*|об\s+этом\s+заяви\w*|источник:)\s+",
    denial=r"\b(?P<verb>опроверг\w*|отрица\w*)|"
           r"\bне\s+соответству\w*\s+действительности\b|\bнеправд\w*|\bфейк\w*|"
           r"\bдезинформаци\w*",
    negation=r"\b(?:не|ни|никак\w*|без)\s+(?:\w+\s+)?$",
    hypothetical=r"\b(?:чтобы|может|могут|могли\s+бы|планиру\w*|угрож\w*|намерен\w*|"
                 r"избежа\w*|предотврат\w*|риск\w*)(?:\s+\S+){0,3}\s*$",
    actors=rf"\b{_RU_SIDE}\s+(?:\w+\s+)?{_RU_FORCE}|\b(?:оккупант|русски|россиян|боевик)\w*|"
           r"\b(?:враг|противник)\w*|\bвсу\b|\bвс\s+рф\b|\bвс\s+украины\b|"
           r"\bсил[ыа]?\s+обороны\b",
    side_before=rf"\b((?:российск|русск|вражеск|украинск|белорусск)\w*)\s+(?!{_RU_FORCE})"
                r"(?:\w+\s+)?$",
    role_words=r"(?:глав|мэр|губернатор|пресс|представител|начальни|руководител|командующ|"
               r"главнокомандующ|министр|власт|город|облас|военн|администраци|местн|"
               r"группировк|штаб|генштаб|офис|правительств|ведомств|служб|минобороны|сил|"
               r"обороны|вооруженн|президент|советни|секретар|войск|российск|украинск|"
               r"министерств)\w*",
    skip_words=frozenset("это об также уже ранее позже эту эти такую информацию данные "
                         "заявления".split()),
    near_before=r"\b(?:возле|около|под|вблизи|недалеко\s+от|окрестност\w*|на\s+подступах\s+к|"
                r"в\s+районе|в\s+направлении|на\s+\w+\s+направлении|к)\s+"
                # "под Угледаром и Курахово": near both
                r"(?:[\w'’-]+\s*(?:,|и)\s+){0,3}$",
    leading=frozenset("в во".split()),
    reference_before=r"(?:\b(?:север|юг|восток|запад|км|километр|миль|милях|мили)\w*"
                     r"(?:[-\s]\w+)?\s+от|"
                     r"\b(?:(?:северо|юго)-)?(?:север|юж|восточ|запад)нее)\s+$",
    anaphor=r"\b(?:город[еау]?|сел[оеу]|посел(?:ок|ке|ка|ку)|посёл(?:ок|ке|ка|ку))\b",
    locator=r"\s*,?\s*(?:возле|около|под|вблизи|недалеко\s+от|неподалеку\s+от)\s+$",
    months=(r"январ[ьяюе]", r"феврал[ьяюе]", r"март[аеу]?", r"апрел[ьяюе]", r"ма[йяюе]",
            r"июн[ьяюе]", r"июл[ьяюе]", r"август[аеу]?", r"сентябр[ьяюе]", r"октябр[ьяюе]",
            r"ноябр[ьяюе]", r"декабр[ьяюе]"),
    when_before=r"(?:в|во|с|со|до|от|к|ночью|утром|вечером|в\s+конце|в\s+начале|"
                r"в\s+середине|по\s+состоянию\s+на)",
    year_word=r"(?:года|году|год|г\.)",
    when_relative=r"\bна\s+прошлой\s+неделе\b|\bв\s+прошлом\s+(?:месяце|году)\b|"
                  r"\b\w+\s+(?:дней|дня|недель|недели|месяцев|месяца|лет|года)\s+назад\b",
    coordination=r"\s*(?:,|(?:,\s*)?(?:и|или)\b)\s*(?:(?:возле|около|под|в|во|у)\s+)?",
    back_object=r"\b(?:это|эту\s+информацию|такую\s+информацию|эти\s+(?:данные|заявления|"
                r"утверждения|сообщения)|это\s+(?:заявление|утверждение|сообщение))\b",
)

# --- German -----------------------------------------------------------------------------------

_DE_SIDE = r"(?:russisch|ukrainisch|feindlich|belarussisch)\w*"
_DE_FORCE = (r"(?:truppen|streitkräfte|armee|soldaten|einheiten|kräfte|verbände|drohnen|"
             r"artillerie|luftwaffe|brigade|brigaden|kämpfer|militärs?|infanterie|panzer)\b")

GERMAN = Language(
    name="de",
    triggers=(
        (K.ASSAULT, r"\b(?:versuch\w*|versucht)\s+(?:\w+\s+){0,4}?(?:einzunehmen|zu\s+erobern|"
                    r"vorzudringen|durchzubrechen|einzukesseln|zu\s+stürmen)\b"),
        (K.ENTRY_REPELLED, r"\b(?:abgewehrt|abgewiesen|zurückgeschlagen|zurückgedrängt|wehrten|"
                           r"wehrte|zurückgeworfen|vereitelt|gestoppt)\b|\bgescheitert\w*"),
        (K.INTERCEPTION, r"\b(?:abgeschossen|abgefangen|(?:schossen|schoss|fingen|fing)\s+"
                         r"(?:\w+\s+){0,4}?ab)\b"),
        (K.STRIKE, r"\bmit\s+(?:\w+\s+)?(?:drohnen|raketen|bomben)\s+(?:\w+\s+)?"
                   r"(?:angegriffen|attackiert|beschossen|bombardiert)\b|"
                   # "Drohnen griffen in der Nacht Charkiw an": the weapon attacks, a strike
                   r"\b(?:drohnen|raketen|kampfjets|kampfflugzeuge)\s+(?:\w+\s+){0,4}?"
                   r"(?:griffen|griff|attackierten|attackierte|trafen|traf)\b|"
                   r"\b(?:beschuss|beschossen|beschoss\w*|bombardier\w*|bombardement\w*|"
                   r"raketen\w*|drohnen\w*|luftangriff\w*|luftschl\w*|explosion\w*|"
                   r"gleitbomb\w*|einschl\w*|artilleriefeuer)"),
        (K.CAPTURE_CLAIM, r"\b(?:eingenommen|erobert|eroberten|eroberte|einnahme|eroberung|"
                          r"befreit|befreiung|eingenommene)\b|"
                          r"\bunter\s+(?:ihre|seine|die)\s+kontrolle\s+gebracht\b"),
        (K.CONTROL_AFFIRMED, r"\b(?:weiterhin|noch\s+immer|nach\s+wie\s+vor)\s+unter\s+"
                             r"(?:\w+\s+)?kontrolle\b|\bhalten\s+(?:weiterhin\s+)?(?:die\s+)?"
                             r"(?:stadt|stellungen|ort)\b"),
        (K.WITHDRAWAL, r"\b(?:zogen\s+sich|zog\s+sich|zurückgezogen|rückzug\w*|abgezogen|"
                       r"aufgegeben|verließen|geräumt)\b"),
        (K.ASSAULT, r"\b(?:angriff|angriffe|angriffen|angegriffen|griffen|griff|attack\w*|"
                    r"sturm\w*|gestürmt|offensive|vorstoß\w*|vorgerückt|rückten|vorrück\w*|"
                    r"kämpfe\w*|gefecht\w*|eingekesselt|umzingelt|durchbruch|gegenoffensive|"
                    r"gegenangriff\w*)\b"),
        (K.EVACUATION, r"\bevakuier\w*"),
        (K.CASUALTIES, r"\b(?:getötet|tote|toten|verletzt|verletzte|verletzten|verwundet\w*|"
                       r"starben|ums\s+leben|opfer|todesopfer)\b"),
    ),
    say=r"\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|berichtete|berichteten|meldete|"
        r"meldeten|bestätigte|bestätigten|schrieb|betonte|behauptete|dementierte|"
        r"dementierten|bestritt|wies\s+zurück|zufolge)\b",
    according=r"\b(?:laut|nach\s+angaben\s+(?:von|des|der|aus)|nach\s+angaben|"
              r"(?<=,\s)so(?=\s+(?:der|die|das)\b))\s+",
    denial=r"\b(?P<verb>dementierte\w*|bestritt\w*|bestreitet|wies\s+\w+\s+zurück)|"
           r"\bnicht\s+(?:der\s+)?wahr(?:heit)?\b|\bfalschmeldung\w*|\bfake\b",
    negation=r"\b(?:nicht|kein\w*|nie|niemals)\s+(?:\w+\s+){0,2}$",
    actors=rf"\b(?:die\s+|der\s+)?{_DE_SIDE}\s+(?:\w+\s+)?{_DE_FORCE}|\b(?:der\s+)?feind\b|"
           r"\b(?:russen|ukrainer|besatzer)\b",
    side_before=r"\b((?:russisch|ukrainisch|feindlich)\w*)\s+$",
    role_words=r"(?:die|der|das|dem|den|des|russisch\w*|ukrainisch\w*|örtlich\w*|regional\w*|"
               r"eigenen)",
    skip_words=frozenset("am auch bereits zuvor später dies".split()),
    leading=frozenset("die der das dem den des ein eine einer eines einem".split()),
    particles=frozenset({"mit"}),
    back_object=r"\b(?:dies|diese?\s+(?:angaben|darstellung|berichte|meldungen?|behauptungen?)|"
                r"(?<=,\s)was)\b",
    negation_after=r"(?:\s+[\w-]+){0,3}?\s+nicht\s*(?:[.,;:!?)]|$)",
    reference_before=r"\b(?:(?:nord|süd)?(?:nörd|süd|öst|west)lich|km|"
                     r"kilometer[n]?|meilen)\s+(?:(?:entfernt\s+)?von|vo[nm]|der\s+stadt)\s+$",
    near_before=r"\b(?:bei|nahe|nördlich\s+von|südlich\s+von|östlich\s+von|westlich\s+von|"
                r"in\s+der\s+nähe\s+von|vor|um|richtung|im\s+raum)\s+$",
    markers=frozenset("""
        und der die das dem den des sich wurde wurden nach bei mit einen einem haben hat ist
        nicht laut aus eine zu auf durch im
        truppen russische russischen ukrainische ukrainischen streitkräfte drohnen griffen
        meldete meldeten eroberung einnahme erobert dementierte dementierten
    """.split()),
    letters="äöüß",
)

# --- French -----------------------------------------------------------------------------------

_FR_SIDE = r"(?:russes?|ukrainiennes?|ukrainiens?|ennemi\w*)"
_FR_FORCE = r"(?:forces|troupes|armée|soldats|unités|militaires|drones|combattants)"

FRENCH = Language(
    name="fr",
    triggers=(
        (K.ASSAULT, r"\bten\w*\s+de\s+(?:prendre|capturer|s['’]emparer|percer|encercler)\b"),
        (K.ENTRY_REPELLED, r"\b(?:repouss\w*|déjoué\w*)"),
        (K.STRIKE, r"\b(?:frappe\w*|frappé\w*|bombard\w*|pilonn\w*|tirs?\s+d['’]artillerie|"
                   r"missiles?|roquettes?|drones?\s+(?:\w+\s+)?(?:ont\s+)?(?:attaqué|frappé)|"
                   r"explosions?)\b"),
        (K.CAPTURE_CLAIM, r"\b(?:pris\s+le\s+contrôle|libér\w*|captur\w*|s['’]est\s+emparé\w*|"
                          r"se\s+sont\s+emparé\w*|conquis\w*|prise\s+de)\b"),
        (K.WITHDRAWAL, r"\b(?:retir(?:é|és|ée|ées|er|ent|ait|aient)|repli(?:é|és|ée|ées|er|ent)?|"
                       r"abandonn\w*)\b"),
        (K.ASSAULT, r"\b(?:attaqu\w*|assauts?|offensives?|avanc(?:é|és|ée|ées|er|ent|ait|aient|"
                    r"e|ées)|progress(?:é|ent|aient|ait)|combats?|encercl\w*|percée)\b"),
        (K.EVACUATION, r"\bévacu\w*"),
        (K.CASUALTIES, r"\b(?:tué\w*|tuant|morts?|blessé\w*|victimes?|décédé\w*)\b"),
    ),
    say=r"\b(?:a\s+(?:déclaré|annoncé|affirmé|indiqué|précisé|démenti|assuré|écrit)|"
        r"ont\s+(?:déclaré|annoncé|affirmé|indiqué|démenti)|a\s+fait\s+savoir|"
        r"déclare|annonce|affirme|indique)\b",
    according=r"\b(?:selon|d['’]après)\s+",
    denial=r"\b(?P<verb>a\s+démenti|ont\s+démenti|dément\w*)|\bfaux\b|"
           r"\bpas\s+vrai\b|\bdésinformation\b",
    negation=r"\b(?:ne|n['’]|pas|aucun\w*|sans)\s*(?:\w+\s+){0,2}$",
    actors=rf"\b(?:les\s+|l['’])?{_FR_FORCE}\s+{_FR_SIDE}|\bl['’]ennemi\b|\bles\s+russes\b",
    side_before=r"$^",
    role_words=r"(?:le|la|les|de|du|des|(?:l['’]|d['’])?(?:armée|ministère|état-major|"
               r"autorités)|maire|gouverneur|porte-parole|ukrainien\w*|russe\w*|général|"
               r"régional\w*|locales?)",
    skip_words=frozenset("également aussi".split()),
    leading=frozenset("le la les l".split()),
    back_object=r"\b(?:cela|ceci|ces\s+(?:informations|affirmations|allégations)|"
                r"cette\s+(?:information|affirmation)|l['’]information|"
                # "..., ce que Kiev dément": a relative pointing back at the clause before
                r"(?<=,\s)ce\s+(?:que|qu['’]))\b",
    near_before=r"\b(?:près\s+de|autour\s+de|aux\s+abords\s+de|non\s+loin\s+de|vers)\s+$",
    reference_before=r"(?:\b(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?|"
                     r"\b(?:km|kilomètres?|milles)(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|"
                     r"ouest)(?:-(?:est|ouest))?)?)\s+(?:de\s+(?:la\s+ville\s+de\s+)?|d['’]|du\s+)$",
    # with the words of war, so that one short sentence is told ("L'armée russe a pris ...")
    markers=frozenset("""
        les des été selon ont une dans du sur à qui près aux l le
        troupes armée russe russes russie ukrainien ukrainienne ukrainiens ukrainiennes
    """.split()),
    letters="éèêàçùâîôûëïœ",
)

# --- Spanish ----------------------------------------------------------------------------------

_ES_SIDE = r"(?:rus[oa]s?|ucranian[oa]s?|enemig[oa]s?)"
_ES_FORCE = r"(?:fuerzas|tropas|ejército|soldados|unidades|militares|drones|combatientes)"

SPANISH = Language(
    name="es",
    triggers=(
        (K.ASSAULT, r"\bintent\w*\s+(?:de\s+)?(?:tomar|capturar|romper|cercar|avanzar)\b"),
        (K.ENTRY_REPELLED, r"\b(?:repeli\w*|rechaz\w*|frustr(?:ó|aron|ado|ada))\b"),
        (K.STRIKE, r"\b(?:bombarde\w*|atac\w*\s+con\s+(?:drones|misiles|cohetes)|"
                   r"misil\w*|cohetes?|ataques?\s+con\s+(?:drones|misiles)|explosi\w*|"
                   r"golpe\w*)\b"),
        (K.CAPTURE_CLAIM, r"\b(?:tom\w*\s+el\s+control|liber(?:ó|aron|ación|ado|ada|ados|"
                          r"adas)|captur(?:ó|aron|ado|ada|ados|adas)|conquist\w*|"
                          # a capture named as a noun: "anunció la captura de Toretsk"
                          r"toma\s+de|captura\s+de)\b"),
        (K.WITHDRAWAL, r"\b(?:retir(?:ó|aron|ada|adas|ado|ados|arse|ándose)|repleg\w*|"
                       r"abandon(?:ó|aron|ado|ada|ados|adas))\b"),
        (K.ASSAULT, r"\b(?:atac\w*|ataques?|asalt\w*|ofensiv\w*|avanz\w*|avance|combates?|"
                    r"cerc\w*)\b"),
        (K.EVACUATION, r"\bevacu(?:ó|aron|ado|ada|ados|adas|ación|ar)\b"),
        (K.CASUALTIES, r"\b(?:muert\w*|matando|mataron|herid\w*|víctimas?|fallec\w*)\b"),
    ),
    say=r"\b(?:dijo|declaró|anunció|afirmó|informó|indicó|aseguró|escribió|negó|"
        r"dijeron|informaron|anunciaron)\b",
    according=r"\b(?:según|de\s+acuerdo\s+con)\s+",
    denial=r"\b(?P<verb>neg(?:ó|aron)|desminti\w*)|\bfals[oa]\b|\bno\s+es\s+cierto\b|"
           r"\bdesinformación\b",
    negation=r"\b(?:no|ningún|ninguna|sin|nunca)\s+(?:\w+\s+){0,2}$",
    actors=rf"\b(?:las\s+|los\s+|el\s+)?{_ES_FORCE}\s+{_ES_SIDE}|\bel\s+enemigo\b",
    side_before=r"$^",
    role_words=r"(?:el|la|los|las|del|de|ejército|ministerio|alcalde|gobernador|portavoz|"
               r"estado|mayor|ucranian\w*|rus[oa]s?|general|regional|autoridades|locales?)",
    skip_words=frozenset("también".split()),
    leading=frozenset("el la los las".split()),
    back_object=r"\b(?:esto|eso|est?a\s+(?:información|afirmación)|"
                r"est?as\s+afirmaciones|la\s+información|"
                # "..., algo que Kiev desmintió": a relative pointing back at the clause before
                r"(?<=,\s)(?:algo|lo|cosa)\s+que)\b",
    near_before=r"\b(?:cerca\s+de|en\s+las\s+afueras\s+de|alrededor\s+de|hacia)\s+$",
    reference_before=r"\b(?:al\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste|"
                     r"sudeste|sudoeste|nordeste)|km|kilómetros?|millas)\s+(?:de|del)\s+"
                     r"(?:la\s+ciudad\s+de\s+)?$",
    markers=frozenset("""
        las los según del una fueron por con que y contra tras fue sus dejó
        tropas fuerzas ejército ruso rusa rusos rusas rusia ucraniano ucraniana ucranianos
        ucranianas ucrania
    """.split()),
    # not "é", which French writes as well
    letters="áíóúñ¿¡",
)

# --- Polish -----------------------------------------------------------------------------------

_PL_SIDE = r"(?:rosyjsk|ukraińsk|wrog)\w*"
_PL_FORCE = r"(?:wojsk|sił|siły|armi|żołnierz|oddział|jednost|drony|dron)\w*"

POLISH = Language(
    name="pl",
    triggers=(
        (K.ASSAULT, r"\bpróbow\w*\s+(?:\w+\s+)?(?:zdobyć|przełamać|okrążyć|wedrzeć)\w*"),
        (K.ENTRY_REPELLED, r"\b(?:odpar\w*|odepch\w*|powstrzyma\w*)"),
        (K.STRIKE, r"\b(?:ostrzel\w*|ostrzał\w*|zbombard\w*|bombard\w*|rakiet\w*|pocisk\w*|"
                   r"atak\w*\s+(?:\w+\s+)?dron\w*|eksplozj\w*|wybuch\w*|uderz\w*|nalot\w*)"),
        (K.CAPTURE_CLAIM, r"\b(?:zdoby\w*|zajęł\w*|zajęli|zajęcie|wyzwol\w*|przejęł\w*|"
                          r"przejęli|przejęcie\s+kontroli)"),
        (K.WITHDRAWAL, r"\b(?:wycofa\w*|opuści\w*|odwrót|odwrotu)"),
        (K.ASSAULT, r"\b(?:atak\w*|zaatakowa\w*|szturm\w*|ofensyw\w*|naciera\w*|"
                    r"posuwa\w*|walk(?:i|a|ach|ami|ę)\b|okrąż\w*)"),
        (K.EVACUATION, r"\bewakuow\w*|\bewakuacj\w*"),
        (K.CASUALTIES, r"\b(?:zgin\w*|zabit\w*|zabij\w*|rann\w*|ofiar\w*|poległ\w*)"),
    ),
    say=r"\b(?:poinformował\w*|powiedział\w*|oświadczył\w*|przekazał\w*|podał\w*|ogłosił\w*|"
        r"napisał\w*|zaprzeczył\w*|zdementował\w*)",
    according=r"\b(?:według|jak\s+podał\w*|jak\s+poinformował\w*|zdaniem)\s+",
    denial=r"\b(?P<verb>zaprzeczy\w*|zdementowa\w*|dementu\w*)|\bnieprawd\w*|"
           r"\bdezinformacj\w*",
    negation=r"\b(?:nie|żadn\w*|bez)\s+(?:\w+\s+)?$",
    actors=rf"\b{_PL_SIDE}\s+(?:\w+\s+)?{_PL_FORCE}|\bwróg\b|\brosjanie\b",
    side_before=rf"\b((?:rosyjsk|ukraińsk|wrog)\w*)\s+(?!{_PL_FORCE})(?:\w+\s+)?$",
    role_words=r"(?:mer|burmistrz|gubernator|rzeczni\w*|minister\w*|sztab\w*|władz\w*|"
               r"miast\w*|obwod\w*|wojsk\w*|armi\w*|dowódz\w*|szef\w*|"
               r"rosyjsk\w*|ukraińsk\w*|generaln\w*|lokaln\w*)",
    skip_words=frozenset("też także również".split()),
    back_object=r"\b(?:te\s+(?:informacje|doniesienia|twierdzenia)|tę\s+informację|"
                r"(?<=,\s)(?:czemu|co))\b",
    near_before=r"\b(?:pod|koło|w\s+pobliżu|w\s+okolicach|w\s+rejonie|w\s+kierunku)\s+$",
    reference_before=r"\b(?:na\s+(?:północ|połud|wsch|zach)\w*(?:[\s-]+(?:wsch|zach)\w*)?|"
                     r"km|kilometr\w*)\s+od\s+(?:miasta\s+)?$",
    markers=frozenset("""
        się przez został została zostały że oraz jest na w z są według wojska miasta obwodu
        rosyjskie ukraińskie rosja ukraina kijów moskwa czemu
    """.split()),
    letters="łąęśżź",
)

#: Every language with event lexicons besides English.
LANGUAGES = (UKRAINIAN, RUSSIAN, GERMAN, FRENCH, SPANISH, POLISH)
#: Languages written in Cyrillic (the others are told by their :attr:`Language.markers`).
CYRILLIC = (UKRAINIAN, RUSSIAN)
#: How many of a language's markers mark a report as written in it.
MIN_MARKERS = 2
#: The markers are looked for in the report's first characters only (a report is written in
#: one language throughout), so the test costs the same for a long report.
MARKER_CHARS = 1000

#: Words English text cannot do without and the other languages do not write: where all of them
#: stand, no other Latin-script language is looked for.
_ENGLISH_WORDS = (" the ", " of ")
#: Punctuation read as a space when a report's words are compared with the markers ("mit.").
_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in ",.;:!?()[]\"'«»„“”‚‘’–—"})
#: A Cyrillic letter's first byte in UTF-8 (U+0400 to U+04FF).
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def active_languages(encoded: bytes, lowered: str) -> tuple[Language, ...]:
    """The languages whose lexicons a report needs: Ukrainian and Russian when it has Cyrillic
    letters, another when MIN_MARKERS of its markers (words, or one of its letters) stand in the
    report's first MARKER_CHARS characters (not looked for in English text). ``encoded``: the
    text in UTF-8; ``lowered``: the text with A-Z lowered. Cheap: byte and substring searches."""
    found: list[Language] = []
    if any(lead in encoded for lead in _CYRILLIC_LEADS):
        found += CYRILLIC
    head = lowered[:MARKER_CHARS]
    if all(word in head for word in _ENGLISH_WORDS):
        return tuple(found)  # English: the markers need not be looked for
    words = set(head.translate(_PUNCTUATION_TO_SPACE).split())
    for language in LANGUAGES:
        if language.markers and len(words & language.markers) \
                + any(letter in head for letter in language.letters) >= MIN_MARKERS:
            found.append(language)
    return tuple(found)


class CompiledLanguage(NamedTuple):
    """A :class:`Language` with its patterns compiled."""

    language: Language
    triggers: tuple[tuple[EventKind, re.Pattern[str]], ...]
    say: re.Pattern[str]
    according: re.Pattern[str]
    denial: re.Pattern[str]
    negation: re.Pattern[str]
    actors: re.Pattern[str]
    side_before: re.Pattern[str]
    role_words: re.Pattern[str]
    near_before: re.Pattern[str]
    back_object: re.Pattern[str]
    negation_after: re.Pattern[str]
    hypothetical: re.Pattern[str]
    reference_before: re.Pattern[str]
    anaphor: re.Pattern[str]
    locator: re.Pattern[str]
    coordination: re.Pattern[str]
    #: A time phrase (see :func:`compile_when`); None for a language with no months.
    when: re.Pattern[str] | None


def compile_language(language: Language) -> CompiledLanguage:
    """``language`` with its patterns compiled once, at import."""
    return CompiledLanguage(
        language, tuple((kind, re.compile(p)) for kind, p in language.triggers),
        re.compile(language.say), re.compile(language.according), re.compile(language.denial),
        re.compile(language.negation), re.compile(language.actors),
        re.compile(language.side_before), re.compile(language.role_words),
        re.compile(language.near_before), re.compile(language.back_object),
        re.compile(language.negation_after), re.compile(language.hypothetical),
        re.compile(language.reference_before),
        re.compile(language.anaphor), re.compile(language.locator),
        re.compile(language.coordination), compile_when(language))


def compile_when(language: Language) -> re.Pattern[str] | None:
    """A time phrase of ``language``: a month's name with a day before it ("3 вересня", "вночі
    3 вересня") or a word of :attr:`Language.when_before` ("у лютому"; the reader skips a
    month with neither: see group ``before``), and a year after it ("лютого 2024 року"); a
    year after such a word ("у 2022 році"); a relative time. The month's number is the group
    ``m1`` ... ``m12`` that matched; the days are group ``day``, the year ``year`` (or
    ``year_only``)."""
    if not language.months:
        return None
    month = "(?:" + "|".join(f"(?P<m{n}>{stem})" for n, stem in
                             enumerate(language.months, 1)) + r")\b"
    before = rf"(?P<before>\b{language.when_before}\s+)"
    return re.compile(
        rf"{before}?(?:\b(?P<day>\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)\s+)?\b{month}"
        rf"(?:\s+(?P<year>(?:19|20)\d\d)\b(?:\s+{language.year_word})?)?|"
        rf"\b{language.when_before}\s+(?P<year_only>(?:19|20)\d\d)\s+{language.year_word}|"
        rf"(?P<relative>{language.when_relative})")


COMPILED = {language.name: compile_language(language) for language in LANGUAGES}
