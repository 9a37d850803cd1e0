// Phrase rules for English (matched on lower-cased text). Word gaps are bounded: (?: \w+){0,n}.
import type { PhraseRule } from './engine.ts';

const AP = "['’]";
const WE_ARE = `(?:we too are|we also are|we ourselves are|we, too, are|we are|we${AP}re|we were|we have been|we${AP}ve been|the company is|our company is|our brand is)`;
const NOT_IN = String.raw`\b(?:not|never|no)\b(?! (?:hesitate|only))|won${AP}t(?! hesitate)|don${AP}t`;

export const enRules: PhraseRule[] = [
  // liability_admission
  {
    id: 'liability.our_fault',
    category: 'liability_admission',
    re: String.raw`\b(?:our|my) (?:own )?(?:fault|negligence|mistake|mistakes|error|errors|failure|failures|oversight|wrongdoing|carelessness|misconduct)\b|\b(?:error|negligence|failure|mistake)s? on our part\b`,
    notBefore: String.raw`\b(?:not|never|no|isn${AP}t|wasn${AP}t|whether|if) (?:\w+ )?$`,
    notAfter: '^ (?:to|in) (?:learn|own)',
  },
  {
    id: 'liability.we_are_liable',
    category: 'liability_admission',
    re: String.raw`${WE_ARE} (?:fully |entirely |solely |completely |wholly |totally )?(?:liable|to blame|at fault|negligent|guilty)\b|${WE_ARE} (?:fully|entirely|solely|completely|wholly|totally) responsible\b|${WE_ARE} responsible for (?:this|what happened|the (?:incident|harm|damage|injur\w*|accident|contamination|leak|breach|outbreak|illness|deaths?|outage))`,
  },
  {
    id: 'liability.take_responsibility',
    category: 'liability_admission',
    re: String.raw`\bwe (?:take|accept|assume|bear|admit|acknowledge) (?:(?:full|complete|total|all|sole|legal|the|our) ){0,3}(?:responsibility|liability|blame|fault|negligence)\b(?! (?:to|for (?:making|fixing|putting|ensuring|keeping|supporting|helping|looking after)))|\b(?:is|was|lies|rests) (?:entirely |completely |all |squarely |totally |fully )?on us\b(?! to (?:fix|put right|make right|sort out|repair|correct))|\b(?:fault|blame|responsibility) (?:lies|rests|is) (?:entirely |solely |squarely |fully )?with (?:us|our|ourselves|the company|me)\b|\b(?<!held )legally (?:at fault|liable|responsible)\b|\bwe (?:admit|acknowledge|concede) (?:that )?(?:we|our)\b(?: \w+){0,3} (?:failed|negligen\w*|fault|wrong|mistake|breach\w*|violat\w*)`,
    notBefore: String.raw`\b(?:not|never|no|will not|won${AP}t) $`,
  },
  {
    id: 'liability.we_failed',
    category: 'liability_admission',
    re: String.raw`\bour (?:\w+ ){0,2}(?:was|were) (?:inadequate|insufficient|deficient|negligent|faulty|flawed|not followed)\b|\bwe (?:failed|neglected) to\b|\bwe (?:breached|violated|broke|ignored) (?:the |our |food |safety |privacy |data |health |consumer )?(?:regulations?|rules?|law|laws|standards?|duty|obligations?|procedures?|protocols?|requirements?)\b|\bwe (?:made|have made) (?:a |an |serious |grave |terrible |big |huge |critical )*(?:mistakes?|errors?)\b|\bwe (?:messed|screwed) up\b|\bwe (?:were|was) (?:careless|wrong)\b`,
    // "We made a mistake in our first statement: 214 were affected, not 50" corrects a figure; it admits no legal fault.
    notAfter: String.raw`^ (?:in|with) (?:our|the|an?) (?:first |earlier |previous |initial |last )?(?:statement|post|announcement|update|notice|figures?|numbers?|count|report)\b`,
  },

  // speculation
  {
    id: 'speculation.we_believe',
    category: 'speculation',
    re: String.raw`\b(?:we|i) (?:believe|suspect|think|assume|presume|guess|expect|are confident|understand)\b(?! in\b)[^.!?;\n]{0,60}?\b(?:caused|cause|due to|because|result(?:ed)? (?:of|from)|glitch|bug|isolated|one[- ]off|contaminat\w*|responsible|behind (?:this|it)|triggered|led to|stemm\w*|originat\w*|to blame|the source)`,
    notSentence: String.raw`\b(?:under investigation|still investigating|not yet (?:known|confirmed)|we do not know)\b`,
  },
  {
    id: 'speculation.suspect',
    category: 'speculation',
    re: String.raw`\b(?:we|i) (?:suspect|guess|presume|assume|reckon)\b[^.!?;\n]{0,50}|\b(?:most likely|more than likely|in all likelihood|chances are|our (?:working |best |early |initial |first )?(?:theory|guess|hypothesis|read|assumption|hunch)(?: is)?|the likely (?:cause|explanation|culprit)|(?:it )?(?:appears|seems|looks) (?:like|as if|as though|that)|everything points to)\b[^.!?;\n]{0,50}`,
    notSentence: String.raw`\b(?:won${AP}t|will not|not) (?:guess|speculate)|\b(?:irresponsible|premature|too early to)\b`,
    // "The inspectors will, in all likelihood, report on Friday": a hedge inside a plan, not a guessed cause.
    notBefore: String.raw`\b(?:will|shall|would),? $`,
  },
  {
    id: 'speculation.likely',
    category: 'speculation',
    re: String.raw`\b(?:most |very |quite )?(?:likely|probably|possibly|presumably|apparently|seemingly|perhaps|maybe)\b (?:was |were |is |been |be |caused|due|the result|a result|because|related|linked|stemm\w*|originat\w*|from|an? |the (?:cause|result|work))`,
    notBefore: String.raw`\b(?:not|un)$`,
  },
  {
    id: 'speculation.may_have_been',
    category: 'speculation',
    re: String.raw`\b(?:may|might|could|must) have (?:been (?:caused|triggered|the result|due|because|related|linked|an? \w+ (?:error|glitch|issue|problem|failure))|triggered|led to|come from|started)|\b(?:appears|seems|appeared|seemed) to (?:have been|be) (?:caused|due|the result|a result|an? (?:isolated|one)|related|linked|an? \w+ (?:error|glitch|issue|problem|failure|mistake))`,
  },
  {
    id: 'speculation.preliminary',
    category: 'speculation',
    re: String.raw`\b(?:preliminary|initial|early) (?:findings|assessment|analysis|investigation|results|indications|checks|review)(?: \w+){0,2} (?:suggest|suggests|indicate|indicates|point|points|show|shows)\b|\b(?:it is|it${AP}s) (?:suspected|believed|thought|assumed|likely) that\b|\b(?:a|an|the) (?:probable|likely|suspected|presumed|possible) (?:cause|culprit|source|reason)\b|\bour (?:initial |preliminary |best )?(?:guess|suspicion|theory|hunch|assumption) is\b`,
  },

  // absolute_promise
  {
    id: 'absolute.never_again',
    category: 'absolute_promise',
    re: String.raw`\bsafest\b|\bwill ever (?:\w+ ){0,6}again\b|\bnothing (?:like (?:this|that) )?(?:\w+ ){0,2}will ever\b|\bnever (?:again|happen|be repeated|recur|occur)\b|\b(?:will|would|shall|${AP}ll) never\b|\b(?:will|would|shall) not (?:ever )?happen again\b|\bwon${AP}t (?:ever )?happen again\b|\bnot (?:ever )?happen again\b`,
    // "We will never stop listening / forget" is a commitment to keep going, not an outcome guaranteed.
    // "we will never ask for your password" is a security notice, not an outcome guaranteed.
    notAfter: String.raw`^ (?:stop|cease|give up|forget|lose sight|ask|request|call|text|e-?mail|message|send|share|sell)\b`,
    // "what happened to you should never happen to anyone" is sympathy, not a promise.
    notBefore: String.raw`\b(?:should|must|ought to|shouldn${AP}t) $`,
    // "We cannot promise it will never happen again": the promise refused, not made.
    notSentence: String.raw`\b(?:cannot|can${AP}t|can not|could not|won${AP}t|will not|no one can|nobody can) (?:honestly |truthfully )?(?:promise|guarantee|say)\b`,
  },
  {
    id: 'absolute.no_one_ever',
    category: 'absolute_promise',
    re: String.raw`\bno (?:customer|one|passenger|user|guest|patient|member|child|family|person|account|data)s? (?:will|shall|is going to) ever\b[^.!?;\n]{0,30}|\bwithout (?:a single )?exception\b|\bimpossible from now on\b|\b(?:never|not) ever\b|\bwill ever (?:happen|occur) again\b`,
  },
  {
    id: 'absolute.guarantee',
    category: 'absolute_promise',
    re: String.raw`\b(?:we|i|this|it|they) (?:can |will |fully |absolutely |personally |do |hereby )?guarantee\b|\bguarantee[sd]? (?:that|you|it|this|our|all|every|the safety|safety|100|zero|no|complete|full|total|a full|absolute)\b|\b(?:is|are) guaranteed (?:to be|safe|free)`,
    notBefore: String.raw`\b(?:cannot|can${AP}t|can not|not|no|unable to) (?:\w+ )?$`,
  },
  {
    id: 'absolute.hundred_percent',
    category: 'absolute_promise',
    re: String.raw`\b100 ?%(?: \w+){0,2} (?:safe|natural|pure|organic|effective|secure|risk[- ]free|harmless|clean|certain|sure|reliable|compliant|guaranteed|accurate|free (?:of|from))|\b(?:safe|pure|natural|effective|certain|sure|confident|secure|guaranteed)(?: \w+){0,2} 100 ?%|\bone hundred percent\b`,
  },
  {
    id: 'absolute.completely_safe',
    category: 'absolute_promise',
    re: String.raw`\b(?:completely|absolutely|totally|entirely|perfectly|fully) (?:safe|harmless|risk[- ]free|free (?:of|from)|secure|certain|sure|nothing wrong|no risk)\b|\b(?:zero|no) (?:risk|chance|possibility) (?:of|that|whatsoever|at all)\b|\bzero risk\b|\brisk[- ]free\b|\b(?:all|every one|every single one|each) of our (?:products|items|foods|stores|batches|drinks)(?: \w+){0,2} (?:are|is|remain) (?:safe|fine|perfectly|completely|100|free)`,
    // "No system is risk-free" denies the absolute.
    notBefore: String.raw`\b(?:no|not|nothing|never) (?:\w+ ){0,3}$`,
  },

  // blame_shifting
  {
    id: 'blame.customer_misuse',
    category: 'blame_shifting',
    re: String.raw`\b(?:customers?|users?|consumers?|buyers?|guests?|patients?|parents?|drivers?|owners?|passengers?|clients?|diners?|shoppers?)(?: \w+){0,2} (?:misused|misuse|failed to|neglected to|forgot to|chose not to|refused to|arrived late|did not disclose|didn${AP}t disclose|did not follow|didn${AP}t follow|ignored (?:the|our)|mishandled|did not read|didn${AP}t read|used (?:it|the \w+|them|our \w+) (?:improperly|incorrectly|wrongly)|were careless|was careless|tampered|improperly (?:used|stored|installed))`,
  },
  {
    id: 'blame.user_error',
    category: 'blame_shifting',
    re: String.raw`\b(?:user|customer|operator|consumer|driver) (?:error|misuse|negligence)\b|\b(?:improper|incorrect) (?:use|storage|handling|installation) by (?:the )?(?:customer|user|consumer)s?\b`,
  },
  {
    id: 'blame.third_party',
    category: 'blame_shifting',
    re: String.raw`\b(?:supplier|vendor|contractor|subcontractor|manufacturer|franchisee|distributor|partner|third[- ]party(?: \w+)?|courier|delivery (?:partner|company)|factory|logistics (?:partner|provider|company))s?(?: \w+)? (?:is|was|are|were) (?:entirely |solely |fully )?(?:at fault|to blame|responsible for (?:this|the)|the (?:cause|problem|culprit)|negligent|the one)\b|\b(?:the )?(?:fault|blame|responsibility) (?:lies|lay|rests|rested|is|was) (?:entirely |solely )?(?:with|on)\b(?! (?:us|our|ourselves|the company|me)\b)|\b(?:caused by|due to|because of|the fault of) (?:the |a |our )?(?:supplier|vendor|customer|user|third[- ]party|contractor|manufacturer|partner|courier|franchisee|airport|authorities|government|landlord|bank|carrier|airline|logistics \w+|delivery \w+|subcontractor)s?\b|\bnot (?:by|because of|due to|caused by) us\b|\b(?:stems?|stemmed|originat\w+|arose|resulted|came) (?:from|with|at) (?:a |an |the |our )?(?:third[- ]party|vendor|supplier|contractor|partner|provider|cloud provider|courier|franchisee|airport|subcontractor)|, not (?:our|us|ours)\b|\b(?:cannot|can${AP}t|can not|should not|shouldn${AP}t) be held (?:responsible|liable|accountable)\b|\bindependently (?:owned|operated)\b|\b(?:supplier|vendor|contractor|subcontractor|manufacturer|franchisee|distributor|partner|courier|carrier|factory)s? (?:mishandled|failed to|neglected|ignored|damaged|botched|did not|didn${AP}t|messed up|caused)\b|\b(?:blame|fault) (?:of|on) (?:the |our )?(?:supplier|customer|user|vendor|contractor)`,
    notSentence: String.raw`\b(?:suspect|believe|likely|probably|may have|might have|appears|seems|possibly|theory|guess|assume|assumption|early read|hunch|no evidence|whether|ruled? out)\b`,
  },
  {
    id: 'blame.rogue_employee',
    category: 'blame_shifting',
    re: String.raw`\brogue (?:employee|staff|worker|member|individual|franchisee|agent|contractor)s?\b|\b(?:individual|single|lone|one|junior|temporary|part[- ]time) (?:employee|staff member|worker|intern|contractor)(?:${AP}s)? (?:acted|action|actions|decision|misconduct|mistake|error|behaviou?r|conduct|personal)|\bacted (?:alone|on (?:his|her|their) own)\b`,
  },
  {
    id: 'blame.not_us',
    category: 'blame_shifting',
    re: String.raw`\b(?:not|never|wasn${AP}t|isn${AP}t) (?:our|the company${AP}s) (?:fault|responsibility|problem|doing)\b|\bnothing to do with (?:us|our|the company)\b|\b(?:beyond|outside) our control\b|\bwe (?:are|were) not (?:responsible|to blame|at fault|liable)\b`,
  },

  // defamation
  {
    id: 'defamation.lying',
    category: 'defamation',
    re: String.raw`\b(?:is|are|was|were|been|keeps?|kept) (?:simply |clearly |deliberately |just |openly |blatantly )?(?:lying|lied|making (?:things|it|this|stuff) up|fabricating|a liar|liars)\b|\bliars?\b|\b(?:spreading|telling|told|outright|malicious|blatant) lies\b|\b(?:whistleblower|influencer|blogger|critic|reporter|journalist|poster|youtuber|customer|ex-employee|former employee|competitor|accuser)s?(?: \w+){0,3} (?:lied|fabricated|invented|made up|wants money|is after money|has an agenda|is out to)\b`,
  },
  {
    id: 'defamation.paid',
    category: 'defamation',
    // "Bots bought about 3,000 of the tickets": bots as scalpers' tools, not critics.
    notAfter: String.raw`^ (?:bought|purchased|snapped|grabbed|scooped|booked|reserved|scalped|placed|made|hoarded|cleared|took)\b`,
    re: String.raw`\b(?:was|were|is|are|been|got|being) (?:being )?paid (?:to|by|off)\b|\bpaid (?:trolls?|shills?|posters?|influencers?|accounts?|actors?|agents?|critics?|smear)\b|\b(?:bots|bot accounts|bot farms?|troll farms?|trolls|fake accounts|sock ?puppets?|shills|astroturf\w*|water army|internet army)\b`,
  },
  {
    id: 'defamation.malicious',
    category: 'defamation',
    re: String.raw`\b(?:malicious(?:ly)?|deliberate(?:ly)?|baseless|defamatory|slanderous|fabricated) (?:smears?|smearing|rumou?rs?|lies|fabrications?|accusations|slander|allegations|posts?|claims)\b|\bsmear(?:ing|ed)? (?:us|our|the company)\b|\b(?:extort\w*|blackmail\w*|attention[- ]seek\w*|clout[- ]chas\w*|troublemakers?|fake news)\b|\bdisgruntled (?:former |ex-)?(?:employee|customer|staff)s?\b|\b(?:history|record|pattern) of (?:making )?(?:false|fake|baseless|fabricated|bogus)\b|\b(?:for|after) (?:money|clout|attention|views|clicks)\b|\b(?:seeking revenge|out for revenge|revenge|was fired for|were fired for)\b|\b(?:fraudsters?|scammers?|con artists?|grifters?|(?:personal )?vendetta|grudge|axe to grind|hidden agenda|hit piece)\b`,
    notBefore: String.raw`\b(?:not|no) $`,
    // Naming the rumour in a legal threat is the threat's finding, as in Chinese (造謠者 … 提告).
    notSentence: String.raw`\b(?:sue|lawsuits?|legal action|take (?:them|you) to court|(?:do|does) not (?:believe|think|suggest|say)|don${AP}t (?:believe|think|suggest|say)|doesn${AP}t (?:believe|think|suggest|say)|no evidence)\b`,
  },

  // no_comment
  {
    id: 'no_comment.phrase',
    category: 'no_comment',
    re: String.raw`\b(?:questions|inquiries|enquiries|requests|comments)\b[^.!?;\n]{0,40}\b(?:go|goes|be directed|be sent|be referred|be routed|be addressed|to|through|via) (?:through |to |via )?our (?:lawyers?|attorneys?|legal (?:team|department|counsel)|counsel|solicitors?)\b|\b(?:will not|won${AP}t|not) (?:be )?(?:making|make|issue|issuing|provide|providing|give|giving) (?:any )?(?:further |more |additional )?(?:statements?|comments?)\b|\b(?:decline[sd]?|declining|refuse[sd]?|refusing) to (?:discuss|answer|respond|elaborate)\b|\bno comments?\b(?! (?:section|box|field|form))|\b(?:decline[sd]?|declining|refuse[sd]?) to comment\b|\b(?:will not|won${AP}t|cannot|can${AP}t|can not|are unable to|are not able to|not in a position to|unable to|not) (?:be )?(?:comment(?:ing)?|discuss(?:ing)? (?:this|the matter)|say(?:ing)? anything|answer(?:ing)? (?:any )?questions)\b|\b(?:talk|speak|refer\w*|direct\w*|address\w*|send|take) (?:\w+ ){0,3}(?:to|with) our (?:lawyers?|attorneys?|legal (?:team|department|counsel)|counsel)\b|\b(?:nothing|no) (?:further |more )?(?:to say|to add)\b|\bour lawyers will (?:answer|respond|handle|speak)`,
  },

  // victim_playing
  {
    id: 'victim.we_are_victims',
    category: 'victim_playing',
    re: String.raw`${WE_ARE}(?: (?:also|too|actually|really|the|ourselves|in fact|just|now|real|true|biggest|greatest|ultimate|actual|innocent|main|primary|first|one of the|among the|being made|made|the ones|being treated as|treated as)){0,3} victims?\b|\bwe (?:too )?(?:have )?(?:suffered|been wronged|been hurt) (?:greatly|enormously|the most|more than)|\b(?:target|victim|object)s? of (?:a |an |this )?(?:hate|smear|harassment|online|coordinated|vicious|malicious|organi[sz]ed)\b|\bganged up on\b|\bpile-?on\b|\bonline mob\b|\bcancel culture\b|\bhate campaign\b|\bhow much (?:our staff|we|our employees|our team|our people) (?:have |has )?(?:suffered|been through|endured)|\bour (?:staff|employees|team|family|people) (?:have|has) (?:suffered|endured)|${WE_ARE}(?: \w+){0,3} (?:being )?(?:victimi[sz]ed|scapegoated|persecuted|made (?:a|the) scapegoat)\b|\b(?:scapegoat(?:ed|ing)?|punching bag)\b|\bwe(?: are|${AP}re) (?:hurting|suffering|heartbroken|devastated) (?:too|as well)\b|\bour (?:staff|employees|team|people|family|workers) (?:have been|are being|were|are) (?:\w+ )?(?:bullied|harassed|attacked|threatened|abused|doxxed)\b`,
  },
  {
    id: 'victim.forces',
    category: 'victim_playing',
    re: String.raw`\bmalicious (?:forces|actors|parties|elements|people|attacks?|campaign|groups?)\b|\b(?:coordinated|organi[sz]ed|orchestrated|concerted) (?:attack|campaign|smear|effort|online attack|assault)\b|\bwitch[- ]?hunt\b|\b(?:unfairly|unjustly|wrongly|wrongfully) (?:targeted|attacked|accused|singled out|treated|blamed|vilified|maligned|portrayed)\b|\b(?:we|the company|our brand|our company)(?: \w+){0,2} (?:being|been|are|were|was) (?:targeted|attacked|bullied|persecuted|scapegoated|vilified|demoni[sz]ed|cyberbullied)\b|\b(?:out to get us|trying to (?:destroy|bring down|hurt|ruin) (?:us|our))\b|\bcyber ?bull\w* (?:against )?(?:us|our)\b|\b(?:unfair|unjust) to us\b|\bforces (?:behind|at work)\b`,
  },

  // minimizing
  {
    id: 'minimizing.if_offended',
    category: 'minimizing',
    re: String.raw`\b(?:apologi[sz]e|sorry|regret)\b(?: \w+){0,4} if\b|\bif (?:anyone|anybody|you|someone|people|any \w+|some \w+|we)(?: \w+){0,3} (?:offended|upset|hurt|uncomfortable|inconvenienced|bothered|took offen[cs]e|caused (?:any )?offen[cs]e)|\bto (?:anyone|those|all those|whoever)(?: who)? (?:was|were|felt|may have been|might have been|has been|have been|is|are|feels?) (?:offended|upset|hurt|bothered)|\bsorry (?:that )?you (?:feel|felt|were offended|are upset|see it|took)`,
  },
  {
    id: 'minimizing.mildly',
    category: 'minimizing',
    re: String.raw`\b(?:felt|feel|feels|may have felt|might have felt) (?:inconvenienced|upset|offended|uncomfortable|let down|hurt)\b|\b(?:mildly|slightly|briefly|somewhat|a little|a bit|marginally|minimally) (?:inconvenienced|affected|delayed|disrupted|upset|impacted|bothered)\b|\bmay have been (?:\w+ )?inconvenienced\b`,
  },
  {
    id: 'minimizing.passive',
    category: 'minimizing',
    re: String.raw`\b(?:mistakes|errors) were made\b|\b(?:things|mistakes|errors) (?:happened|occurred|happen)\b`,
  },
  {
    id: 'minimizing.few_cases',
    category: 'minimizing',
    re: String.raw`\b(?:a few|a handful of|a small number of|a tiny number of|a limited number of|a very small number of|a tiny fraction of|a small fraction of|a minority of|only a few|very few)(?: \w+){0,2} (?:isolated )?(?:cases?|incidents?|customers?|reports?|instances?|complaints?|people|users|units?|products?|items?|individuals)\b|\bisolated (?:cases?|incidents?|instances?|events?|occurrences?|problems?|issues?)\b|\bone[- ]off\b`,
    // "We won't call this an isolated case": the word refused, not used.
    notBefore: String.raw`\b(?:won['’]t|will not|would not|wouldn['’]t|do not|don['’]t|cannot|can['’]t|refuse to|not|not going to|are not going to) (?:call|describe|treat|dismiss|consider|see|pretend)\b[^.!?]{0,20}$`,
    // "Probably just a one-off" is a guess about the scale: speculation, not minimizing.
    // "We are not going to call this an isolated case" may stand further back than notBefore looks.
    notSentence: String.raw`\b(?:probably|likely|likelihood|in all probability|chances are|presumably|perhaps|maybe|possibly|we (?:believe|think|suspect|assume|expect)|appears|seems|(?:not going to|won['’]t|will not|refuse to|never) (?:call|describe|dismiss|treat) (?:this|it|these|them))\b`,
  },
  {
    id: 'minimizing.minor',
    category: 'minimizing',
    re: String.raw`\b(?:minor|small|slight|tiny|little|temporary|brief|momentary) (?:[a-z]+ )?(?:issue|glitch|hiccup|problem|incident|mistake|error|oversight|inconvenience|misstep|lapse|mix-?up)s?\b|\b(?:misunderstanding|miscommunication|misinterpret\w*|misunderstood|taken out of context|blown out of proportion|overreact\w*|over-react\w*|no big deal|not a big deal|nothing serious|nothing to worry about|negligible|minimal (?:impact|risk|effect))\b|\b(?:for|about) any (?:inconvenience|confusion|misunderstanding|discomfort|offen[cs]e)\b`,
    // "This was not a minor glitch: 9,000 customers lost access" names the impact; it does not shrink it.
    notBefore: String.raw`\b(?:not|never|no|wasn't|isn't|was not|is not|far from) (?:a |an |just |merely |simply )?$`,
  },

  // legal_threat
  {
    id: 'legal_threat.will_sue',
    category: 'legal_threat',
    re: String.raw`\b(?:we|we${AP}ll|will|shall|are going to|intend to|plan to|reserve the right to|hesitate to|prepared to|ready to)(?: \w+){0,2} (?:sue|take legal action|pursue legal action|pursue (?:all )?legal (?:remedies|options|avenues|action)|prosecute|press charges|file (?:a )?(?:lawsuit|suit|complaint|charges|defamation)|take (?:them|you|those \w+|legal steps)|seek damages|hold (?:them|you|those \w+|anyone|everyone)(?: \w+){0,3} (?:legally )?(?:liable|accountable|responsible))\b`,
    notIn: NOT_IN,
  },
  {
    id: 'legal_threat.against_everyone',
    category: 'legal_threat',
    re: String.raw`\bsue (?:everyone|anyone|all|those|people|them|you|every|each|the (?:netizens|people|users|posters|influencer|whistleblower))\b|\b(?:legal (?:action|proceedings|steps)|lawsuits?|litigation|charges|proceedings) (?:will|shall|may|are going to) be (?:initiated|taken|brought|filed|pursued|launched|commenced)\b|\b(?:legal action|lawsuits?|legal proceedings|litigation|legal steps) against (?:anyone|everyone|all|those|people|netizens|users|individuals|the \w+ who|whoever|every)\b|\b(?:anyone|everyone|anybody|those|people|users|netizens|all who|whoever)(?: who| that)?(?: \w+){0,6} (?:will be|would be|shall be|can be|could be|may be) (?:held )?(?:legally )?(?:liable|sued|prosecuted|held accountable|held responsible|responsible|accountable|pursued|reported to (?:the )?police|subject to legal)`,
    notBefore: String.raw`\b(?:not|never|no)\b(?: \w+){0,3} $`,
    notIn: NOT_IN,
  },
  {
    id: 'legal_threat.screenshots',
    category: 'legal_threat',
    re: String.raw`\b(?:we have|we${AP}ve|we${AP}ve got|we have got|we${AP}ve taken|we have taken|we took|we are taking|we${AP}re taking|we have captured|we${AP}ve captured|we have recorded|we${AP}ve saved|we have saved|we have kept)(?: \w+){0,2} screenshots?\b|\bscreenshots? of (?:everyone|everybody|all|every|each|those|anyone|your)\b|\b(?:hear|be hearing) from our (?:lawyers?|attorneys?|legal team|solicitors?)\b|\b(?:receive|get|expect) (?:a letter|letters) from our (?:lawyers?|attorneys?)\b|\bcease[- ]and[- ]desist\b|\b(?:defamation|libel|slander) (?:suits?|lawsuits?|claims?|charges|proceedings|action)\b|\bsee you in court\b|\b(?:logged|recorded|collected|saved|kept|tracked|traced|identified|captured) (?:the )?(?:ip(?: addresses)?|screenshots|identities|accounts|names)(?: \w+){0,2} of (?:every|all|each|everyone|anyone|those)\b|\b(?:instructed|asked|engaged|retained|hired) (?:our )?(?:lawyers?|attorneys?|counsel|law firm|solicitors?) to (?:pursue|sue|go after|take action|file|track down|identify)|\bour lawyers (?:will|are) (?:be )?(?:contact|in touch|pursu|go after|coming)`,
  },
  {
    id: 'speculation.we_think_maybe',
    category: 'speculation',
    re: String.raw`\bwe (?:think|believe|understand|feel|expect)\b(?! in\b)[^.!?;\n]{0,40}\b(?:may|might|could|probably|likely|possibly)\b[^.!?;\n]{0,30}|\b(?:may|might|could) have (?:malfunctioned|failed|broken|leaked|started|been (?:tampered|hacked|contaminated))\b`,
  },
  {
    id: 'minimizing.took_offence',
    category: 'minimizing',
    re: String.raw`\b(?:chosen|choose|chose|decided) to (?:take offen[cs]e|be offended|be upset|misinterpret|misread)\b|\b(?:limited|confined|restricted) to (?:a |an )?(?:small|tiny|limited|handful|few|minor|single|very small)\b|\b(?:small|tiny) (?:subset|fraction|percentage|portion|minority)\b`,
  },
  {
    id: 'absolute.every_single',
    category: 'absolute_promise',
    re: String.raw`\b(?:every single|each and every|every last)\b|\bmake sure (?:that )?(?:every|all|no)\b|\bcompletely (?:protected|secure)\b`,
    // "make sure every affected card is replaced": a concrete action, not an absolute outcome.
    notAfter: String.raw`^(?: [\w-]+){0,4} (?:is|are|gets?|will be|has been|have been) (?:replaced|refunded|contacted|notified|rebooked|reimbursed|informed|called|repaired|reissued)\b`,
    // "Every single cup we serve is now 100% free …": the quantifier opens the claim; the claim is the whole clause.
    tail: String.raw`^[^,.!?;\n]{0,80}`,
  },
  {
    id: 'liability.we_cut_corners',
    category: 'liability_admission',
    re: String.raw`\bwe (?:cut corners|got it wrong|were at fault)\b|\b(?:because|as) we (?:ignored|failed|neglected|overlooked|did not|didn${AP}t|cut)\b`,
  },
  {
    id: 'victim.treated_unfairly',
    category: 'victim_playing',
    re: String.raw`\btreated (?:\w+ )?(?:unfairly|unjustly|badly)\b|\bunfair(?:ly)? treatment\b`,
  },
  {
    id: 'defamation.inventing',
    category: 'defamation',
    re: String.raw`\b(?:invent\w*|fabricat\w*|making up|made up|manufactur\w*) (?:scandals?|stories|drama|claims|accusations|rumou?rs)\b|\b(?:written|posted|planted|orchestrated|paid for|faked) by (?:a |our |the )?(?:competitors?|rivals?)`,
  },
  {
    id: 'blame.because_they',
    category: 'blame_shifting',
    re: String.raw`\b(?:because|as|since) (?:the |a |our |some )?(?:customer|guest|passenger|user|parent|driver|patient|child|consumer|client|supplier|vendor|contractor|courier|partner)s?\b[^.!?;\n]{0,30}\b(?:failed|did not|didn${AP}t|ignored|misused|was left|were left|forgot|neglected|improperly|unattended|careless|late|installed|modified|tampered|removed|skipped|reused|shared their|downloaded|clicked)\b`,
  },
  {
    id: 'victim.villain',
    category: 'victim_playing',
    re: String.raw`\b(?:made|painted|cast) (?:out )?(?:to be |as )?(?:the |a )?(?:villains?|scapegoats?|bad guys?)\b|\b(?:demoni[sz]ed|vilified|maligned|singled out)\b|\btrial by (?:social )?media\b|\bagenda against us\b|\b(?:twisted|distorted) (?:our|the) (?:words|story|facts)\b|\b(?:everyone|every company|the whole industry|other (?:companies|brands)) (?:does|do) (?:it|this|the same)\b`,
  },
  {
    id: 'blame.against_policy',
    category: 'blame_shifting',
    re: String.raw`\b(?:against|in violation of|violated|breached|broke|ignored|disregarded|contrary to) (?:our |the |company )?(?:company )?(?:polic(?:y|ies)|rules|procedures?|guidelines|code of conduct|protocols?)\b|\b(?:the )?previous (?:management|owners?|team)\b|\bindustry-wide (?:problem|issue|practice)\b`,
    notIn: String.raw`\bwe\b`,
  },
  {
    id: 'defamation.haters',
    category: 'defamation',
    re: String.raw`\b(?:haters|keyboard warriors|malicious individuals?|troublemakers|crooks?|extortionists?)\b`,
  },
  {
    id: 'minimizing.unintended',
    category: 'minimizing',
    re: String.raw`\b(?:honest|innocent|simple|small|harmless) (?:mistake|oversight|error)\b|\b(?:unintentional|not intended to (?:offend|hurt|upset)|no harm (?:was )?(?:intended|meant)|just a joke|taken the wrong way|meant as a joke)\b`,
  },
  {
    id: 'absolute.forever',
    category: 'absolute_promise',
    re: String.raw`\b(?:once and for all|permanently (?:fixed|solved|resolved|eliminated)|there will be no more|absolutely no(?:thing)?|zero chance|fully guaranteed|forever)\b`,
  },
  {
    id: 'speculation.possible',
    category: 'speculation',
    re: String.raw`\b(?:we speculate|it${AP}s possible that|it is possible that|there is a (?:good )?chance that|one theory is|could (?:well )?be (?:due to|caused by|the result of|related to)|might be (?:due to|caused by|the result of|related to))\b[^.!?;\n]{0,40}`,
  },
  {
    id: 'liability.guilty',
    category: 'liability_admission',
    re: String.raw`\bwe (?:were wrong|are guilty|broke the law|own this failure|owe (?:you|them) compensation for our)\b`,
  },
  {
    id: 'blame.their_responsibility',
    category: 'blame_shifting',
    re: String.raw`\b(?:is|was|are|were|lies) (?:the )?(?:sole )?(?:responsibility|fault|problem) of (?:the |our )?(?:customers?|users?|franchisees?|suppliers?|airport|vendors?|contractors?|manufacturers?|airline|bank|platform|partners?|couriers?)\b|\b(?:customers?|users?|parents?|guests?|passengers?|consumers?) (?:should|must|are (?:expected|required|responsible)) (?:have )?(?:to )?(?:read|follow|check|know|keep|supervise|secure|protect|store)\b|\b(?:airport|supplier|vendor|contractor|franchisee|manufacturer|airline|partner|courier|customer|user)${AP}s (?:fault|responsibility|problem|error|negligence|mistake)\b`,
  },
  {
    id: 'victim.siege',
    category: 'victim_playing',
    re: String.raw`\b(?:crucified|dragged through the mud|under siege|lynch mob|hounded|being bullied|bullied by|smeared by|ruin(?:ing)? our (?:reputation|name|business))\b`,
  },
  {
    id: 'defamation.so_called',
    category: 'defamation',
    re: String.raw`\bso-called (?:journalist|reporter|expert|victim|whistleblower|influencer|customer|critic)s?\b`,
  },
  {
    id: 'liability.blame_is_ours',
    category: 'liability_admission',
    re: String.raw`\b(?:the )?(?:blame|fault|responsibility|liability)(?: for [\w ]{1,30}?)? (?:is|was|lies|rests) (?:entirely |squarely |solely |fully |wholly )?(?:ours|with (?:us|our|management|the company|ourselves))\b|\bwe should have (?:caught|known|prevented|stopped|acted|checked|done|seen)\b`,
  },
  {
    id: 'speculation.signs',
    category: 'speculation',
    re: String.raw`\b(?:early|initial|preliminary|first) (?:signs|reports|indications|evidence|checks|results|findings)\b(?: \w+){0,2} (?:suggest|suggests|indicate|indicates|point|points|show|shows)\b[^.!?;\n]{0,40}|\b(?:engineers|experts|technicians|staff|team|we|i|they) (?:think|believe|suspect|reckon|feel) (?:that )?(?:it|this|the (?:cause|problem|issue|fire|leak|outage|failure|fault))\b[^.!?;\n]{0,40}|\bit (?:seems|appears)\b[^.!?;\n]{0,40}|\b(?:fairly|reasonably|quite|pretty) (?:confident|sure|certain) (?:that )?(?:the|it|this|a|an|our|some)\b[^.!?;\n]{0,40}`,
    notSentence: String.raw`\b(?:won${AP}t|will not|not) (?:guess|speculate)`,
  },
  {
    id: 'absolute.for_good',
    category: 'absolute_promise',
    re: String.raw`\b(?:for good|never to return)\b|\b(?:eliminated|eradicated|solved|fixed|resolved) (?:permanently|completely|once and for all|entirely)\b|\bwe promise (?:that )?(?:all|every|each|no|nothing|this will|it will)\b|\b(?:all|every) (?:affected )?(?:customers?|passengers?|users?|people|guests?) will be (?:\w+ )?(?:compensated|refunded|reimbursed) in full\b`,
  },
  {
    id: 'blame.outside_us',
    category: 'blame_shifting',
    re: String.raw`\b(?:outside|beyond|not within) (?:our|the company${AP}s) (?:responsibility|remit|scope|liability)\b|\bwithout (?:our|the company${AP}s) (?:knowledge|consent|approval|authori[sz]ation)\b|\b(?:users?|customers?|guests?|passengers?|parents?|consumers?|drivers?) who (?:\w+ ){1,4}(?:made|left|put|exposed|caused)\b|,? not (?:with|by|from) us\b|\bindependent (?:contractor|operator|business|franchisee)s?\b|\bresponsible for (?:his|her|their) own (?:conduct|actions|behaviou?r|safety)\b|\bproblem with (?:the |our )?(?:\w+ )?(?:supplier|vendor|contractor|manufacturer|courier|partner)\b|\b(?:customers?|users?|guests?|passengers?|parents?|drivers?) ignored\b`,
    notSentence: String.raw`\b(?:suspect|believe|likely|probably|may have|might have|appears|seems|possibly)\b`,
  },
  {
    id: 'defamation.fabricated_by',
    category: 'defamation',
    re: String.raw`\b(?:fabricated|invented|made up|faked|staged|doctored|photoshopped) by\b|\b(?:serial|known|professional) (?:scammer|fraudster|complainer|liar|troll)s?\b`,
  },
  {
    id: 'no_comment.lawyers',
    category: 'no_comment',
    re: String.raw`\b(?:requests|enquiries|inquiries|questions|matters)\b[^.!?;\n]{0,30}\b(?:handled|answered|dealt with) by our (?:law firm|lawyers?|attorneys?|legal (?:team|department|counsel)|counsel)\b|\bdeclin(?:e|es|ed|ing) (?:all |any )?(?:interview|media|press) (?:requests|enquiries|inquiries)\b|\b(?:contact|ask|consult|call|email|write to|reach out to) our (?:legal counsel|lawyers?|attorneys?|legal (?:team|department)|law firm)\b|\bnot commenting\b`,
  },
  {
    id: 'victim.suffered_more',
    category: 'victim_playing',
    re: String.raw`\b(?:nobody|no one) has suffered more\b(?! than (?:the |our |those |these )?(?:families|family|victims?|customers?|patients?|passengers?|residents?|children|kids|parents|guests|people who|those who))|\bsuffered more than\b(?! (?:the |our |those |these )?(?:families|family|victims?|customers?|patients?|passengers?|residents?|children|kids|parents|guests|people who|those who))|\bout to (?:destroy|ruin|get|bring down|hurt)\b|\bwe who have been (?:wronged|hurt|harmed|victimi[sz]ed)\b|\bwe (?:have been|were) wronged\b`,
  },
  {
    id: 'minimizing.limited',
    category: 'minimizing',
    re: String.raw`\b(?:a )?limited number of\b|\bfor a short (?:time|period|while)\b|\bone-time (?:glitch|issue|error|incident|mistake)\b|\b(?:found|find|considered|perceived) (?:the |our |this |it )?(?:\w+ )?(?:offensive|upsetting|hurtful|insensitive)\b|\b(?:delays|issues|problems|disruptions|errors|difficulties|inconveniences?) (?:were|was|have been|has been) (?:experienced|encountered|observed)\b`,
  },
  {
    id: 'legal_threat.remedies',
    category: 'legal_threat',
    re: String.raw`\bpursue (?:all |every |any )?(?:available )?legal (?:remedies|options|avenues|action|means)\b|\b(?:face|faces|facing) (?:legal|criminal|civil) (?:consequences|action|charges|proceedings|liability)\b|\b(?:track|monitor|identif|record|document|logg)\w* (?:every|all|each) (?:account|user|person|post|comment|individual)s?\b|\b(?:filed|lodged|submitted|made) (?:a )?(?:police reports?|criminal complaints?|complaints? with (?:the )?police) against\b`,
    notIn: NOT_IN,
    notBefore: String.raw`\b(?:not|never|no)\b(?: \w+){0,3} $`,
  },
  {
    id: 'absolute.proof',
    category: 'absolute_promise',
    re: String.raw`\b(?:hack-?proof|fool-?proof|bullet-?proof|airtight|fail-?safe|unbreakable|impenetrable|flawless)\b|\b(?:can|could) never\b|\beliminat\w* (?:all|every|any) (?:risk|possibility|chance)\b|\b100 ?(?:percent|per cent) (?:safe|secure|sure|certain|natural|pure|guaranteed|effective)\b`,
    // "No system is unbreakable": the absolute denied, which is the honest wording.
    notBefore: String.raw`\b(?:no (?:\w+ )?(?:is|are|can be)|not|never|nothing is|isn${AP}t|aren${AP}t) $`,
  },
  {
    id: 'liability.our_doing',
    category: 'liability_admission',
    re: String.raw`\bour doing\b|\bwe caused (?:this|the|it)\b|\b(?:it|this)${AP}s on us\b`,
  },
  {
    id: 'defamation.after_money',
    category: 'defamation',
    re: String.raw`\b(?:(?:is|are|was|were|just|only) )after (?:money|compensation|a payout|attention|fame)\b|\b(?:opportunists?|gold[- ]diggers?|chancers?)\b|\bknown for (?:lying|making things up)\b`,
  },
  {
    id: 'victim.feel_attacked',
    category: 'victim_playing',
    re: String.raw`\bwe feel (?:betrayed|attacked|targeted|victimi[sz]ed|bullied|persecuted)\b|\battack on (?:us|our (?:company|brand|business|staff|people|family))\b`,
  },
  {
    id: 'minimizing.just_a',
    category: 'minimizing',
    re: String.raw`\bjust (?:a|an) (?:\w+ )?(?:glitch|mistake|error|misunderstanding|hiccup|blip|oversight)\b|\bnothing more than (?:a|an)\b|\bmay have experienced\b|\b(?:a|one|brief) blip\b|\bto (?:anyone|those|all those|whoever)(?: who)? (?:was|were|may have been|might have been|felt) inconvenienced\b`,
  },
];
