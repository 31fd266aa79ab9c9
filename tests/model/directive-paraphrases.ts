/**
 * One question per directive and language that names neither the directive's number nor, where
 * it can be helped, the article's own words: what the dense leg alone has to find. Written
 * before the model was first run on them.
 */
export const DIRECTIVE_PARAPHRASES: readonly { ordinal: number; kk: string; ru: string; en: string }[] = [
  {
    ordinal: 1,
    kk: "Азаматтық қоғамның Ассамблея ісіне көбірек араласуы және үкіметтік емес ұйымдарға гранттар туралы не делінді?",
    ru: "Как расширить участие гражданского общества и тематику грантов для НКО?",
    en: "How should civic groups take a bigger part, and what about funding for non-profits?",
  },
  {
    ordinal: 2,
    kk: "Ассамблеяның болашаққа арналған стратегиялық құжатын жетілдіру жөнінде не айтылды?",
    ru: "Что нужно доработать в стратегии развития Ассамблеи на ближайшие годы?",
    en: "Which long-range roadmap of the Assembly is to be refined?",
  },
  {
    ordinal: 3,
    kk: "Кедей отбасыларға көмек пен қайырымдылық туралы не айтты?",
    ru: "Сколько малообеспеченных семей получили поддержку и что с благотворительностью?",
    en: "Helping poor families and charities — what did he ask for?",
  },
  {
    ordinal: 4,
    kk: "Жастарға арналған жаңа ұйым және олардың бизнес-жобаларына қолдау бола ма?",
    ru: "Будет ли новое молодёжное движение и поддержка бизнес-идей молодёжи?",
    en: "Is there a new organisation for young people, and will their business ideas be backed?",
  },
  {
    ordinal: 5,
    kk: "Ауыл шаруашылығына заманауи технологиялар және жергілікті қаражатты дұрыс жұмсау туралы не делінді?",
    ru: "Что поручено акимам насчёт местных денег и умных технологий в сельском хозяйстве?",
    en: "Will farms get any smart tech, and how should local councils spend municipal money?",
  },
  {
    ordinal: 6,
    kk: "Астананың мерейтойы және Достық үйін қай жерде ашу туралы не айтылды?",
    ru: "Что решили про юбилей столицы и где открыть Дом дружбы?",
    en: "What was said about celebrating the capital's anniversary and a venue for a friendship house?",
  },
  {
    ordinal: 7,
    kk: "Ассамблеяның жаңа сайты және әлеуметтік бейнероликтер туралы не айтылды?",
    ru: "Открылся ли новый сайт Ассамблеи и будут ли социальные видеоролики?",
    en: "Is there a new website of the Assembly and a series of clips about harmony?",
  },
  {
    ordinal: 8,
    kk: "Қоғам бірлігін ғылыми тұрғыда зерттеу жөнінде не айтылды?",
    ru: "Кто будет научно изучать единство общества?",
    en: "Who should research national unity — universities and expert centres?",
  },
];
