/// Every fact a case may state, declared once. The command-line flags, the case-file and batch-line keys, the
/// JSON echo of a case, the names of missing facts, the labels in kk, ru and en, which facts the simulator may
/// branch on, and the random cases of the property tests are all read from this list; adding a fact is adding an
/// entry (and, for a fact of a new shape, teaching the engine what to do with it).
///
/// What a fact *means in law* is not here: which facts a rule tests, the age of majority behind `juvenile`, what a
/// single father is, which disability groups exist, and the default punishment are corpus values
/// (corpus/vocabulary.xml and the jurisdictions' conditions).
public enum CaseFactCatalogue {
    /// The facts in the order a user reads them (help, JSON echo).
    public static let all: [CaseFactDeclaration] = [
        .init("term", .term(\.term), required: true, valueName: "term",
              help: "Sentence: 9y, 7y6m, 2y3m15d or life.",
              label: .init(kk: "Жаза мерзімі", ru: "Срок наказания", en: "Sentence")),
        .init("category", .vocabularyTerm(\.category, set: "category"), required: true, valueName: "category",
              help: "Crime category (the corpus's category terms: minor, medium, grave, especially-grave).",
              label: .init(kk: "Қылмыстың санаты", ru: "Категория преступления", en: "Crime category")),
        .init("punishment", .defaultedTerm(\.punishment, set: "punishment"), valueName: "kind",
              help: "Punishment being served (default: the corpus's default punishment, imprisonment in the bundled one).",
              label: .init(kk: "Жазаның түрі", ru: "Вид наказания", en: "Punishment")),
        .init("start", .date(\.start), required: true, valueName: "YYYY-MM-DD",
              help: "Start of the term, custody credit included.",
              label: .init(kk: "Жаза мерзімінің басы", ru: "Начало срока", en: "Start of the term")),
        .init("as-of", .defaultedDate(\.asOf), valueName: "YYYY-MM-DD",
              help: "Apply the law in force on this date (default: today).",
              label: .init(kk: "Заң қай күнгі редакцияда", ru: "Закон по состоянию на", en: "Law as of")),
        .init("offence-date", .optionalDate(\.offenceDate), valueName: "YYYY-MM-DD",
              help: "Date the offence was committed: with --birth-date, gives the age at the offence.",
              label: .init(kk: "Қылмыс жасалған күн", ru: "Дата совершения преступления", en: "Date of the offence")),
        .init("offence", .vocabularyTerms(\.offences, set: "offence-tag"), jsonKey: "offences", valueName: "tag",
              help: "Offence tag (repeatable), e.g. corruption, terrorism, sexual-offence-against-minor.",
              label: .init(kk: "Қылмыс белгісі", ru: "Признак преступления", en: "Offence")),
        .init("consequence", .vocabularyTerms(\.consequences, set: "consequence"), jsonKey: "consequences",
              valueName: "tag", help: "Consequence (repeatable): caused-death, combined-with-especially-grave.",
              label: .init(kk: "Қылмыстың салдары", ru: "Последствие преступления", en: "Consequence")),
        .init("sex", .sex(\.sex), valueName: "sex", help: "female or male.",
              label: .init(kk: "Жынысы", ru: "Пол", en: "Sex")),
        .init("birth-date", .optionalDate(\.birthDate), valueName: "YYYY-MM-DD", help: "Date of birth.",
              label: .init(kk: "Туған күні", ru: "Дата рождения", en: "Date of birth")),
        .init("age", .age(\.age), valueName: "years", help: "Age on the as-of date.",
              label: .init(kk: "Жасы", ru: "Возраст", en: "Age")),
        .init("juvenile", .yesNo(unstated: false),
              help: "A minor when the offence was committed: under the home law's age of majority (18 in the bundled corpus).",
              label: .init(kk: "Қылмыс жасаған кезде кәмелетке толмаған", ru: "Несовершеннолетний на момент преступления",
                           en: "A minor at the offence")),
        .init("pregnant", .yesNo(unstated: false), help: "Pregnant.",
              label: .init(kk: "Жүкті", ru: "Беременна", en: "Pregnant")),
        .init("young-child", .yesNo(unstated: false), help: "Has a young child.",
              label: .init(kk: "Жас баласы бар", ru: "Имеет малолетнего ребёнка", en: "Has a young child")),
        .init("single-father", .composition,
              help: "A man raising a young child alone (the corpus's single-father composition).",
              label: .init(kk: "Жас баланы жалғыз тәрбиелеп отырған әке", ru: "Отец, один воспитывающий малолетнего ребёнка",
                           en: "A father raising a young child alone")),
        .init("single-parent", .yesNo(unstated: false), help: "Raises a child alone.",
              label: .init(kk: "Баланы жалғыз тәрбиелейді", ru: "Один воспитывает ребёнка", en: "Raises a child alone")),
        .init("disability", .disabilityGroup(\.disabilityGroup, set: "disability-group"), valueName: "group",
              help: "Disability group, as the corpus lists them (1, 2 or 3 in the bundled one).",
              label: .init(kk: "Мүгедектік тобы", ru: "Группа инвалидности", en: "Disability group")),
        .init("cooperation", .yesNo(unstated: false), help: "Fulfilled a procedural cooperation agreement.",
              label: .init(kk: "Ынтымақтастық туралы процестік келісім орындалған",
                           ru: "Исполнено процессуальное соглашение о сотрудничестве",
                           en: "Cooperation agreement fulfilled")),
        .init("recidivist", .yesNo(unstated: nil), branchable: true,
              help: "A recidivist (or not, with --no-recidivist); unknown when neither is given.",
              label: .init(kk: "Қылмыстардың рецидиві", ru: "Рецидив преступлений", en: "Recidivist")),
        .init("first-custodial", .yesNo(unstated: nil), branchable: true,
              help: "This is (or, with --no-first-custodial, is not) the first custodial sentence; unknown when neither is given.",
              label: .init(kk: "Бас бостандығынан алғаш рет айырылған", ru: "Впервые осуждён к лишению свободы",
                           en: "First custodial sentence")),
        .init("foreign-national", .yesNo(unstated: false), help: "Foreign national or stateless person.",
              label: .init(kk: "Шетел азаматы немесе азаматтығы жоқ адам", ru: "Иностранец или лицо без гражданства",
                           en: "Foreign national or stateless person")),
        .init("prior-revocation", .vocabularyTerm(\.priorRevocation, set: "prior-revocation"), valueName: "reason",
              help: "An earlier parole was revoked: breach or new-crime. --term is then the remainder being served.",
              label: .init(kk: "Бұрынғы ШМББ-ның күші жойылған", ru: "Прежнее УДО отменено", en: "Earlier parole revoked")),
        .init("damage", .damage(\.damage), conditionName: "damage-compensated", valueName: "status",
              help: "Damage caused by the crime: full, none-claimed or unpaid.",
              label: .init(kk: "Қылмыспен келтірілген залалдың өтелуі", ru: "Возмещение ущерба от преступления",
                           en: "Damage caused by the crime")),
        .init("malicious-violations", .yesNo(unstated: nil), branchable: true,
              help: "Unlifted malicious violations of the prison regime (or none, with --no-malicious-violations).",
              label: .init(kk: "Жазаны өтеу тәртібін қасақана бұзушылықтар", ru: "Злостные нарушения режима",
                           en: "Malicious violations of the prison regime")),
        // Findings only a court makes. The corpus tests them where a source makes release turn on one; a case
        // rarely states them, so the answer is given for each (never a firm date the court has not found).
        .init("special-grounds", .yesNo(unstated: nil), branchable: true,
              help: "The court finds special grounds for an earlier release (or not, with --no-special-grounds); unknown when neither is given.",
              label: .init(kk: "Сот мерзімінен бұрын босатудың ерекше негіздерін анықтады",
                           ru: "Суд установил особые основания для более раннего освобождения",
                           en: "The court finds special grounds for an earlier release")),
        .init("particular-gravity-of-guilt", .yesNo(unstated: nil), branchable: true,
              help: "The sentencing court found a particular gravity of guilt (or did not, with --no-particular-gravity-of-guilt); unknown when neither is given.",
              label: .init(kk: "Үкім шығарған сот кінәнің ерекше ауырлығын анықтады",
                           ru: "Суд, вынесший приговор, установил особую тяжесть вины",
                           en: "The sentencing court found a particular gravity of guilt")),
        .init("victim-age", .age(\.victimAge), valueName: "years", help: "Age of the victim.",
              label: .init(kk: "Жәбірленушінің жасы", ru: "Возраст потерпевшего", en: "Age of the victim")),
    ]

    /// The declaration called `name` (its flag name), if any.
    public static func named(_ name: String) -> CaseFactDeclaration? { byName[name].map { all[$0] } }

    /// The position of the fact called `name` in `all`.
    public static func position(of name: String) -> Int? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })
}
