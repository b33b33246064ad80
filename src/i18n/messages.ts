/**
 * Message catalogues. Every user-facing text of the CLI lives here in English and
 * Simplified Chinese; the `zh` object must have every key of `en` (the compiler
 * checks), and a test checks that placeholders match.
 */

export const en = {
  // program and help
  'program.description': 'Troubleshoot digital-wallet problems: answer a few questions, get a concrete fix or the right support contact.',
  'program.examples': `Examples:
  $ wallet-help diagnose                                  walk through a problem step by step
  $ wallet-help diagnose payment-failed --network offline --json
  $ wallet-help diagnose payment-failed --answers answers.yaml --no-input
  $ wallet-help --lang zh diagnose                        中文界面`,
  'help.usage': 'Usage:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.arguments': 'Arguments:',
  'help.globalOptions': 'Global Options:',
  'opt.lang': 'language of the output: en or zh',
  'opt.color': 'force coloured output',
  'opt.noColor': 'no colour (also when NO_COLOR is set or TERM=dumb)',
  'opt.version': 'print the version',
  'opt.help': 'show help for a command',
  'cmd.help': 'show help for a command',
  'cmd.diagnose': 'find the cause of a wallet problem and what to do about it',
  'diagnose.arg.flow': 'the problem to diagnose (a flow id such as payment-failed); asked when omitted',
  'diagnose.opt.answer': 'answer a question up front (repeatable), e.g. --answer balance=sufficient',
  'diagnose.opt.network': 'shortcut for --answer network=VALUE (ok, unstable, offline)',
  'diagnose.opt.balance': 'shortcut for --answer balance=VALUE (sufficient, insufficient)',
  'diagnose.opt.verification': 'shortcut for --answer verification=VALUE (verified, pending, unverified, rejected)',
  'diagnose.opt.answers': 'read answers from a JSON or YAML file of question: value pairs (- for standard input)',
  'diagnose.opt.noInput': 'never prompt; fail naming the first unanswered question',
  'diagnose.opt.json': 'print one JSON document on standard output',
  'diagnose.examples': `Examples:
  $ wallet-help diagnose
  $ wallet-help diagnose login-failed
  $ wallet-help diagnose payment-failed --network ok --balance sufficient --verification pending
  $ wallet-help diagnose deposit-missing --answer method=crypto --json --no-input
  $ echo '{"network": "offline"}' | wallet-help diagnose payment-failed --answers - --json

Flow ids: {flows}

Exit codes: 0 diagnosis complete, 2 bad usage or input, 1 internal error, 130 cancelled.`,

  // diagnose: prompts
  'diagnose.pickFlow': 'What is the problem?',
  'diagnose.cancelled': 'Cancelled.',

  // outcome rendering
  'kind.fix': 'FIX',
  'kind.escalate': 'CONTACT SUPPORT',
  'kind.alert': 'SECURITY ALERT',
  'kind.alert.lead': 'Act now, before anything else:',
  'outcome.steps': 'What to do',
  'outcome.queue': 'Support team: {queue}',
  'queue.payments': 'payments',
  'queue.account': 'account',
  'queue.security': 'security',
  'queue.general': 'general',
  'outcome.prepare': 'Have this ready before you contact support:',
  'outcome.prepare.default1': 'your account ID (never your password)',
  'outcome.prepare.default2': 'when it happened, with the time zone',
  'outcome.prepare.default3': 'the exact error message',
  'outcome.prepare.default4': 'screenshots and the transaction record',
  'outcome.path': 'Your answers',

  // errors
  'error.prefix': 'Error: ',
  'error.unknownFlow': 'There is no flow "{flow}".',
  'error.unknownFlow.suggest': 'Did you mean {suggestions}?',
  'error.unknownFlow.list': 'Available flows: {flows}.',
  'error.needFlow': 'Name the problem to diagnose, for example "wallet-help diagnose payment-failed". Available flows: {flows}.',
  'error.missingAnswer': 'The question "{question}" ({text}) has no answer and prompting is not possible here.',
  'error.missingAnswer.hint': 'Answer it with --answer {question}=VALUE, where VALUE is one of: {values}.',
  'error.invalidValue': '"{value}" is not an answer to "{question}" ({text}). Allowed values: {values}.',
  'error.unknownQuestion': 'The flow "{flow}" has no question "{question}". Its questions are: {questions}.',
  'error.unknownQuestion.none': 'The flow "{flow}" asks no questions, so "{question}" cannot be answered.',
  'error.answerFormat': '--answer expects ID=VALUE (for example --answer network=ok), not "{arg}".',
  'error.answerTwice': 'The question "{question}" is answered twice, with "{first}" and "{second}". Give one answer.',
  'error.answersFile': 'The answers file {file} could not be used:',
  'error.answersFile.read': 'The answers file {file} could not be read: {reason}.',
  'error.answersFile.shape': 'an answers file must be a mapping of question ids to answer values, for example "network: ok"',
  'error.answersFile.value': 'the answer to "{question}" must be a text value',
  'error.stdinTwice': 'Standard input can be read only once.',
  'error.badLang': 'Unknown language "{lang}". Use en or zh.',
  'error.usage': '{message}',
  'error.internal': 'Something went wrong inside wallet-help. This is a bug; please report it with the command you ran.',
  'error.flowsMissing': 'The bundled flows are missing ({file}). Run "npm run build" in the wallet-help folder.',
  'error.seeHelp': 'Run "{command}" for usage.',
  // support directory and contact cards
  'opt.now': 'evaluate service hours at this instant (ISO-8601) instead of now, e.g. to plan a callback',
  'opt.contacts': 'the support directory file (YAML) to take contacts from',
  'opt.provider': 'which provider of the directory to use (its id)',
  'cmd.contacts': 'list the support contacts of the directory with their hours and whether they are open now',
  'contacts.arg.queue': 'only this support queue: payments, account, security or general',
  'contacts.opt.open': 'only channels that are open now',
  'contacts.opt.json': 'print one JSON document on standard output',
  'contacts.examples': `Examples:
  $ wallet-help contacts
  $ wallet-help contacts security --open
  $ wallet-help contacts payments --now 2026-12-24T20:00:00+08:00 --json
  $ wallet-help contacts --contacts ./our-directory.yaml --provider our-wallet`,
  'channel.phone': 'Phone',
  'channel.chat': 'Chat',
  'channel.email': 'E-mail',
  'channel.ticket': 'Ticket',
  'channel.social': 'Social',
  'channel.web': 'Web',
  'contact.heading': '{provider} — {queue} support',
  'contact.example': 'EXAMPLE DATA: a fictional demo provider, not a real support line. Configure your provider\'s directory with --contacts.',
  'contact.open': 'open now',
  'contact.closed': 'closed',
  'contact.always': 'always open',
  'contact.until': 'until {time} your time ({in})',
  'contact.opens': 'opens {time} your time ({in})',
  'contact.never': 'no opening in the next two weeks',
  'contact.in': 'in {duration}',
  'contact.languages': 'languages: {languages}',
  'contact.source': 'Check these contacts on the official website: {url}',
  'contact.missingQueue': 'The directory ({source}) has no {queue} contacts for {provider}. Add them to the directory, or check the official website: {url}',
  'contact.none': 'No channel matches.',
  'duration.dh': '{d} d {h} h',
  'duration.hm': '{h} h {m} min',
  'duration.h': '{h} h',
  'duration.m': '{m} min',
  'error.badNow': '--now expects an ISO-8601 date and time such as 2026-11-20T09:30:00+08:00, not "{value}".',
  'error.directory': 'The support directory {file} cannot be used:',
  'error.directoryMissing': 'The bundled support directory is missing ({file}). Run "npm run build" in the wallet-help folder.',
  'error.unknownProvider': 'The directory has no provider "{provider}". Its providers are: {providers}.',
  'error.unknownQueue': 'There is no queue "{queue}". Queues are: payments, account, security, general.',
  'opt.flows': 'add a folder of operator flows (repeatable); a flow with a bundled id replaces it',
  'warning.prefix': 'Warning: ',
  'warning.flowSkipped': 'skipped a broken flow file: {problem}',
  'config.warn.corrupt': 'your settings file {file} was damaged (not valid JSON). It was kept as {keptAs}; wallet-help goes on with default settings.',
  'config.warn.unreadable': 'your settings file {file} cannot be read ({reason}); wallet-help goes on with default settings.',
  'config.warn.badValue': 'the setting "{key}" in {file} {reason}; it is ignored. Fix it with "wallet-help config set {key} VALUE".',
  'config.warn.unknownKey': 'the setting "{key}" in {file} is unknown and ignored. Remove it with "wallet-help config unset {key}".',
  'cmd.config': 'show or change your settings (language, provider, directory, flow folder, role, colour)',
  'config.arg.action': 'list, get KEY, set KEY VALUE, unset KEY or path',
  'config.arg.key': 'the setting',
  'config.arg.value': 'its new value (set only)',
  'config.opt.json': 'print JSON on standard output',
  'config.examples': `Examples:
  $ wallet-help config list
  $ wallet-help config set lang zh
  $ wallet-help config set contactsFile ./our-directory.yaml
  $ wallet-help config get lang
  $ wallet-help config unset provider
  $ wallet-help config path

Settings: {keys}
Order of precedence: command-line flag, then WALLET_HELP_* environment variable, then this file, then the default.
WALLET_HELP_CONFIG_DIR moves the settings folder.`,
  'config.col.key': 'SETTING',
  'config.col.value': 'VALUE',
  'config.col.allowed': 'ALLOWED',
  'config.unset': '(not set)',
  'config.error.noKey': 'Name a setting: {keys}.',
  'config.error.unknownKey': 'There is no setting "{key}". Settings are: {keys}.',
  'config.error.noValue': 'Give a value: wallet-help config set {key} VALUE.',
  'config.error.badValue': '"{value}" is not allowed for {key}. Allowed: {allowed}.',
  'config.error.action': 'Unknown action "{action}". Use list, get, set, unset or path.',
  'cmd.flows': 'list, show, draw, validate and test diagnostic flows',
  'cmd.flows.list': 'list the flows with their version and where each came from',
  'cmd.flows.show': 'show a whole flow: every question with its answers, every outcome with its steps',
  'cmd.flows.graph': 'print a diagram of a flow (mermaid for GitHub markdown, dot for Graphviz)',
  'cmd.flows.validate': 'check flow and directory files; prints every problem as file:line:column: message',
  'cmd.flows.test': 'run the test cases written in flow files and report which outcomes and answers they miss',
  'flows.arg.id': 'the flow id',
  'flows.arg.paths': 'files or folders (default: the bundled flows, operator folders and the directory in use)',
  'flows.opt.json': 'print JSON on standard output',
  'flows.opt.format': 'diagram format: mermaid or dot',
  'flows.opt.minCoverage': 'fail when a flow covers less than this percentage of its outcomes and answers',
  'flows.examples': `Examples:
  $ wallet-help flows list
  $ wallet-help flows show payment-failed
  $ wallet-help flows graph payment-failed --format mermaid > payment-failed.mmd
  $ wallet-help flows validate ./our-flows
  $ wallet-help flows test ./our-flows --min-coverage 100
  $ wallet-help --flows ./our-flows diagnose our-new-flow`,
  'flows.col.id': 'ID',
  'flows.col.title': 'TITLE',
  'flows.col.version': 'VERSION',
  'flows.col.questions': 'QUESTIONS',
  'flows.col.outcomes': 'OUTCOMES',
  'flows.col.source': 'SOURCE',
  'flows.bundled': 'bundled',
  'flows.replaces': '{dir} (replaces the bundled flow)',
  'flows.show.meta': 'version {version} · starts at {start}',
  'flows.show.questions': 'Questions',
  'flows.show.outcomes': 'Outcomes',
  'flows.graph.badFormat': 'Unknown diagram format "{format}". Use mermaid or dot.',
  'flows.validate.ok': '{files} file(s) checked, no problems.',
  'flows.validate.failed': '{files} file(s) checked, {problems} problem(s).',
  'flows.test.line': '{flow}: {passed}/{total} tests passed, coverage {coverage}%',
  'flows.test.failure': 'test "{name}" expected {expected} but {reached}.',
  'flows.test.reachedOutcome': 'reached {id}',
  'flows.test.stoppedAt': 'stopped at question {id}, which it does not answer',
  'flows.test.unused': 'It answers questions its path never asks: {ids}.',
  'flows.test.uncoveredOutcomes': 'no test reaches these outcomes: {ids}',
  'flows.test.uncoveredAnswers': 'no test takes these answers: {ids}',
  'flows.test.summary': '{flows} flow(s), {tests} test(s), {failed} failed.',
  'flows.test.low': 'Coverage below {min}%: {ids}.',
  'flows.test.badMin': '--min-coverage expects a number from 0 to 100, not "{value}".',
  'flows.test.invalid': 'These flow files have problems; fix them first (wallet-help flows validate shows them all):',
  'cli.unknownOption': 'Unknown option {option}.',
  'cli.unknownCommand': 'Unknown command "{command}".',
  'cli.didYouMean': 'Did you mean {suggestion}?',
  'cli.missingArgument': 'The argument <{argument}> is missing.',
  'cli.optionMissingArgument': 'The option {option} needs a value.',
  'cli.excessArguments': 'Too many arguments for "{command}": it takes {expected}, got {got}.',
  'help.default': '(default: {value})',
  'diagnose.opt.batch': 'diagnose many cases: read JSON Lines ({"flow", "answers", "id"}) from FILE or - and write one JSON result per line',
  'batch.summary': '{lines} line(s), {failed} failed.',
  'batch.empty': 'The line is empty.',
  'batch.tooLong': 'The line is longer than 1 MB.',
  'batch.notJson': 'The line is not valid JSON.',
  'batch.shape': 'Each line must be a JSON object like {"flow": "payment-failed", "answers": {"network": "ok"}, "id": "case-1"}.',
  'batch.unknownKey': 'Unknown key "{key}": a line has only flow, answers and id.',
  'batch.badId': 'The id must be a text or a number.',
  'batch.answers': 'answers must be an object of question ids and text values, like {"network": "ok"}.',
  'batch.cannotRead': 'The batch input {file} cannot be read ({reason}).',
  'batch.conflict': '--batch takes the flows and answers from its input; do not give a flow or answers on the command line too.',
  'cmd.verify': 'check whether a phone number, e-mail address, website or social handle is an official support contact',
  'verify.arg.contact': 'the contact to check, e.g. "+1 202-555-0143", support@example.com, example.com/help or @ExampleWallet',
  'verify.opt.country': 'country of a national phone number without +code (ISO code such as CN, US, GB)',
  'verify.opt.json': 'print one JSON document on standard output',
  'verify.examples': `Examples:
  $ wallet-help verify "+1 202-555-0199"
  $ wallet-help verify 020 7946 0321 --country GB
  $ wallet-help verify https://examp1e.com/login
  $ wallet-help verify support@example.com --json

Exit codes: 0 official, 4 not official or a look-alike, 2 the input is not a contact.`,
  'verify.official.badge': '✔ OFFICIAL',
  'verify.official': '{input} is an official contact of {provider} ({queue}).',
  'verify.website': 'official website',
  'verify.lookalike.badge': '✘ LOOK-ALIKE',
  'verify.lookalike': '{input} is NOT official: it imitates {official}, a contact of {provider}.',
  'verify.lookalike.advice': 'Do not call, write to or log in there. Scammers set up contacts like this to steal accounts and money. Use only the contacts published on the official website.',
  'verify.unknown.badge': '? NOT OFFICIAL',
  'verify.unknown': '{input} is not one of the official contacts in the directory.',
  'verify.unknown.country': '{input} is a national number; give its country with --country (for example --country CN) to compare it.',
  'verify.unknown.advice': 'Treat it as unverified: do not share codes, passwords or your recovery phrase, and reach support only through the contacts on the official website.',
  'verify.invalid': '"{input}" is not a phone number, e-mail address, website or social handle.',
  'verify.badCountry': '--country expects a two-letter country code such as CN, US or GB, not "{country}".',
  'verify.reason.brand-with-extra-words': 'It wraps the brand name in extra words.',
  'verify.reason.edit-distance': 'Its name differs from the official one by a letter or two.',
  'verify.reason.other-tld': 'It uses the same name at another ending or platform.',
  'verify.reason.homoglyph': 'It uses characters that only look like the official ones.',
  'verify.reason.punycode': 'It hides those characters in punycode (xn--).',
  'verify.reason.subdomain-trick': 'The official name is only a part of the address; the real site is another one.',
  'verify.reason.similar-number': 'The number is close to an official number but not the same.',
  'safety.notice': 'Official support never asks for your password, recovery phrase, private key, 2FA code or remote access, and never asks you to move funds. Reach it only through the contacts shown here, published at {url}.',
} as const;

export type MessageKey = keyof typeof en;

export const zh: Record<MessageKey, string> = {
  'program.description': '排查数字钱包问题：回答几个问题，得到具体的解决办法或对应的客服渠道。',
  'program.examples': `示例：
  $ wallet-help diagnose                                  一步步排查问题
  $ wallet-help diagnose payment-failed --network offline --json
  $ wallet-help diagnose payment-failed --answers answers.yaml --no-input
  $ wallet-help --lang en diagnose                        English interface`,
  'help.usage': '用法：',
  'help.options': '选项：',
  'help.commands': '命令：',
  'help.arguments': '参数：',
  'help.globalOptions': '全局选项：',
  'opt.lang': '输出语言：en 或 zh',
  'opt.color': '强制彩色输出',
  'opt.noColor': '不使用颜色（设置了 NO_COLOR 或 TERM=dumb 时也不使用）',
  'opt.version': '显示版本号',
  'opt.help': '显示命令的帮助',
  'cmd.help': '显示命令的帮助',
  'cmd.diagnose': '找出钱包问题的原因和处理办法',
  'diagnose.arg.flow': '要排查的问题（流程编号，例如 payment-failed）；不填则先询问',
  'diagnose.opt.answer': '预先回答某个问题（可重复），例如 --answer balance=sufficient',
  'diagnose.opt.network': '等同于 --answer network=取值（ok、unstable、offline）',
  'diagnose.opt.balance': '等同于 --answer balance=取值（sufficient、insufficient）',
  'diagnose.opt.verification': '等同于 --answer verification=取值（verified、pending、unverified、rejected）',
  'diagnose.opt.answers': '从 JSON 或 YAML 文件读取“问题: 取值”形式的回答（- 表示标准输入）',
  'diagnose.opt.noInput': '从不提问；遇到未回答的问题时报错并指出是哪一个',
  'diagnose.opt.json': '在标准输出上输出一个 JSON 文档',
  'diagnose.examples': `示例：
  $ wallet-help diagnose
  $ wallet-help diagnose login-failed
  $ wallet-help diagnose payment-failed --network ok --balance sufficient --verification pending
  $ wallet-help diagnose deposit-missing --answer method=crypto --json --no-input
  $ echo '{"network": "offline"}' | wallet-help diagnose payment-failed --answers - --json

流程编号：{flows}

退出码：0 排查完成，2 用法或输入有误，1 内部错误，130 已取消。`,

  'diagnose.pickFlow': '遇到了什么问题？',
  'diagnose.cancelled': '已取消。',

  'kind.fix': '可自行解决',
  'kind.escalate': '需联系客服',
  'kind.alert': '安全警报',
  'kind.alert.lead': '请立即处理，先做这些事：',
  'outcome.steps': '处理步骤',
  'outcome.queue': '对应客服团队：{queue}',
  'queue.payments': '支付',
  'queue.account': '账户',
  'queue.security': '安全',
  'queue.general': '综合',
  'outcome.prepare': '联系客服前请准备好：',
  'outcome.prepare.default1': '你的账户 ID（绝不要提供密码）',
  'outcome.prepare.default2': '问题发生的时间（注明时区）',
  'outcome.prepare.default3': '完整的错误提示',
  'outcome.prepare.default4': '截图和交易记录',
  'outcome.path': '你的回答',

  'error.prefix': '错误：',
  'error.unknownFlow': '没有名为“{flow}”的流程。',
  'error.unknownFlow.suggest': '你是不是想输入 {suggestions}？',
  'error.unknownFlow.list': '可用的流程：{flows}。',
  'error.needFlow': '请指明要排查的问题，例如“wallet-help diagnose payment-failed”。可用的流程：{flows}。',
  'error.missingAnswer': '问题“{question}”（{text}）还没有回答，而当前无法交互提问。',
  'error.missingAnswer.hint': '请用 --answer {question}=取值 回答，取值可以是：{values}。',
  'error.invalidValue': '“{value}”不是问题“{question}”（{text}）的有效回答。可用的取值：{values}。',
  'error.unknownQuestion': '流程“{flow}”中没有问题“{question}”。它的问题有：{questions}。',
  'error.unknownQuestion.none': '流程“{flow}”不需要回答任何问题，因此无法回答“{question}”。',
  'error.answerFormat': '--answer 的格式应为 编号=取值（例如 --answer network=ok），而不是“{arg}”。',
  'error.answerTwice': '问题“{question}”被回答了两次：“{first}”和“{second}”。请只给一个回答。',
  'error.answersFile': '无法使用回答文件 {file}：',
  'error.answersFile.read': '无法读取回答文件 {file}：{reason}。',
  'error.answersFile.shape': '回答文件必须是“问题编号: 取值”的映射，例如“network: ok”',
  'error.answersFile.value': '“{question}”的回答必须是文本',
  'error.stdinTwice': '标准输入只能读取一次。',
  'error.badLang': '未知的语言“{lang}”。请使用 en 或 zh。',
  'error.usage': '{message}',
  'error.internal': 'wallet-help 内部出错。这是程序缺陷，请附上你运行的命令报告给我们。',
  'error.flowsMissing': '缺少内置流程文件（{file}）。请在 wallet-help 目录中运行“npm run build”。',
  'error.seeHelp': '运行“{command}”查看用法。',
  'opt.now': '按此时刻（ISO-8601）而不是现在计算服务时间，例如用来安排回电',
  'opt.contacts': '提供客服联系方式的目录文件（YAML）',
  'opt.provider': '使用目录中的哪个服务商（其编号）',
  'cmd.contacts': '列出目录中的客服联系方式、服务时间以及现在是否在线',
  'contacts.arg.queue': '只看这个客服团队：payments、account、security 或 general',
  'contacts.opt.open': '只显示现在在线的渠道',
  'contacts.opt.json': '在标准输出上输出一个 JSON 文档',
  'contacts.examples': `示例：
  $ wallet-help contacts
  $ wallet-help contacts security --open
  $ wallet-help contacts payments --now 2026-12-24T20:00:00+08:00 --json
  $ wallet-help contacts --contacts ./our-directory.yaml --provider our-wallet`,
  'channel.phone': '电话',
  'channel.chat': '在线客服',
  'channel.email': '邮件',
  'channel.ticket': '工单',
  'channel.social': '社交媒体',
  'channel.web': '网页',
  'contact.heading': '{provider} — {queue}客服',
  'contact.example': '示例数据：这是虚构的演示服务商，不是真实的客服渠道。请用 --contacts 配置你的服务商目录。',
  'contact.open': '现在在线',
  'contact.closed': '已下班',
  'contact.always': '全天候在线',
  'contact.until': '营业到你的当地时间 {time}（{in}）',
  'contact.opens': '你的当地时间 {time} 上班（{in}）',
  'contact.never': '未来两周内没有服务时间',
  'contact.in': '{duration}后',
  'contact.languages': '语言：{languages}',
  'contact.source': '请在官方网站核对这些联系方式：{url}',
  'contact.missingQueue': '目录（{source}）中没有 {provider} 的{queue}客服联系方式。请补充到目录中，或到官方网站查看：{url}',
  'contact.none': '没有符合条件的渠道。',
  'duration.dh': '{d} 天 {h} 小时',
  'duration.hm': '{h} 小时 {m} 分钟',
  'duration.h': '{h} 小时',
  'duration.m': '{m} 分钟',
  'error.badNow': '--now 需要 ISO-8601 格式的日期时间，例如 2026-11-20T09:30:00+08:00，而不是“{value}”。',
  'error.directory': '无法使用客服目录 {file}：',
  'error.directoryMissing': '缺少内置客服目录（{file}）。请在 wallet-help 目录中运行“npm run build”。',
  'error.unknownProvider': '目录中没有服务商“{provider}”。可用的服务商：{providers}。',
  'error.unknownQueue': '没有客服团队“{queue}”。可用的团队：payments、account、security、general。',
  'opt.flows': '添加一个运营方流程文件夹（可重复）；与内置流程同名的会替换内置流程',
  'warning.prefix': '警告：',
  'warning.flowSkipped': '已跳过一个有问题的流程文件：{problem}',
  'config.warn.corrupt': '设置文件 {file} 已损坏（不是有效的 JSON）。原文件已保存为 {keptAs}；wallet-help 将使用默认设置继续运行。',
  'config.warn.unreadable': '无法读取设置文件 {file}（{reason}）；wallet-help 将使用默认设置继续运行。',
  'config.warn.badValue': '{file} 中的设置“{key}”{reason}，已忽略。请用“wallet-help config set {key} 取值”修正。',
  'config.warn.unknownKey': '{file} 中的设置“{key}”无法识别，已忽略。请用“wallet-help config unset {key}”删除。',
  'cmd.config': '查看或修改设置（语言、服务商、目录、流程文件夹、角色、颜色）',
  'config.arg.action': 'list、get 设置项、set 设置项 取值、unset 设置项 或 path',
  'config.arg.key': '设置项',
  'config.arg.value': '新的取值（仅用于 set）',
  'config.opt.json': '在标准输出上输出 JSON',
  'config.examples': `示例：
  $ wallet-help config list
  $ wallet-help config set lang zh
  $ wallet-help config set contactsFile ./our-directory.yaml
  $ wallet-help config get lang
  $ wallet-help config unset provider
  $ wallet-help config path

设置项：{keys}
优先顺序：命令行参数，然后是 WALLET_HELP_* 环境变量，然后是设置文件，最后是默认值。
WALLET_HELP_CONFIG_DIR 可以指定设置文件夹。`,
  'config.col.key': '设置项',
  'config.col.value': '取值',
  'config.col.allowed': '可用取值',
  'config.unset': '（未设置）',
  'config.error.noKey': '请指明设置项：{keys}。',
  'config.error.unknownKey': '没有设置项“{key}”。可用的设置项：{keys}。',
  'config.error.noValue': '请给出取值：wallet-help config set {key} 取值。',
  'config.error.badValue': '{key} 不能设为“{value}”。可用取值：{allowed}。',
  'config.error.action': '未知的操作“{action}”。请使用 list、get、set、unset 或 path。',
  'cmd.flows': '列出、查看、绘制、校验和测试排查流程',
  'cmd.flows.list': '列出所有流程及其版本和来源',
  'cmd.flows.show': '显示完整流程：每个问题及其回答，每个结果及其步骤',
  'cmd.flows.graph': '输出流程图（mermaid 用于 GitHub Markdown，dot 用于 Graphviz）',
  'cmd.flows.validate': '检查流程文件和目录文件；每个问题以 文件:行:列: 说明 的形式输出',
  'cmd.flows.test': '运行流程文件中的测试用例，并报告哪些结果和回答没有被覆盖',
  'flows.arg.id': '流程编号',
  'flows.arg.paths': '文件或文件夹（默认：内置流程、运营方文件夹和当前使用的目录）',
  'flows.opt.json': '在标准输出上输出 JSON',
  'flows.opt.format': '图的格式：mermaid 或 dot',
  'flows.opt.minCoverage': '当某个流程的结果和回答覆盖率低于此百分比时判为失败',
  'flows.examples': `示例：
  $ wallet-help flows list
  $ wallet-help flows show payment-failed
  $ wallet-help flows graph payment-failed --format mermaid > payment-failed.mmd
  $ wallet-help flows validate ./our-flows
  $ wallet-help flows test ./our-flows --min-coverage 100
  $ wallet-help --flows ./our-flows diagnose our-new-flow`,
  'flows.col.id': '编号',
  'flows.col.title': '标题',
  'flows.col.version': '版本',
  'flows.col.questions': '问题数',
  'flows.col.outcomes': '结果数',
  'flows.col.source': '来源',
  'flows.bundled': '内置',
  'flows.replaces': '{dir}（替换了内置流程）',
  'flows.show.meta': '版本 {version} · 从 {start} 开始',
  'flows.show.questions': '问题',
  'flows.show.outcomes': '结果',
  'flows.graph.badFormat': '未知的图格式“{format}”。请使用 mermaid 或 dot。',
  'flows.validate.ok': '已检查 {files} 个文件，没有发现问题。',
  'flows.validate.failed': '已检查 {files} 个文件，发现 {problems} 个问题。',
  'flows.test.line': '{flow}：通过 {passed}/{total} 个测试，覆盖率 {coverage}%',
  'flows.test.failure': '测试“{name}”预期得到 {expected}，但{reached}。',
  'flows.test.reachedOutcome': '得到的是 {id}',
  'flows.test.stoppedAt': '停在了它没有回答的问题 {id}',
  'flows.test.unused': '它回答了路径上没有问到的问题：{ids}。',
  'flows.test.uncoveredOutcomes': '没有测试到达这些结果：{ids}',
  'flows.test.uncoveredAnswers': '没有测试选择这些回答：{ids}',
  'flows.test.summary': '{flows} 个流程，{tests} 个测试，{failed} 个失败。',
  'flows.test.low': '覆盖率低于 {min}%：{ids}。',
  'flows.test.badMin': '--min-coverage 需要 0 到 100 之间的数字，而不是“{value}”。',
  'flows.test.invalid': '这些流程文件有问题，请先修正（wallet-help flows validate 会列出全部问题）：',
  'cli.unknownOption': '未知的选项 {option}。',
  'cli.unknownCommand': '未知的命令“{command}”。',
  'cli.didYouMean': '你是不是想输入 {suggestion}？',
  'cli.missingArgument': '缺少参数 <{argument}>。',
  'cli.optionMissingArgument': '选项 {option} 需要一个取值。',
  'cli.excessArguments': '“{command}”的参数太多：它需要 {expected} 个，实际给了 {got} 个。',
  'help.default': '（默认：{value}）',
  'diagnose.opt.batch': '批量排查：从文件或 -（标准输入）读取 JSON Lines（{"flow", "answers", "id"}），每行输出一个 JSON 结果',
  'batch.summary': '共 {lines} 行，失败 {failed} 行。',
  'batch.empty': '这一行是空的。',
  'batch.tooLong': '这一行超过了 1 MB。',
  'batch.notJson': '这一行不是有效的 JSON。',
  'batch.shape': '每一行必须是这样的 JSON 对象：{"flow": "payment-failed", "answers": {"network": "ok"}, "id": "case-1"}。',
  'batch.unknownKey': '未知的键“{key}”：每行只能有 flow、answers 和 id。',
  'batch.badId': 'id 必须是文本或数字。',
  'batch.answers': 'answers 必须是“问题编号: 文本取值”的对象，例如 {"network": "ok"}。',
  'batch.cannotRead': '无法读取批量输入 {file}（{reason}）。',
  'batch.conflict': '--batch 从输入中读取流程和回答，请不要同时在命令行上指定流程或回答。',
  'cmd.verify': '核实一个电话号码、邮箱、网址或社交媒体账号是否为官方客服渠道',
  'verify.arg.contact': '要核实的联系方式，例如 "+1 202-555-0143"、support@example.com、example.com/help 或 @ExampleWallet',
  'verify.opt.country': '不带 + 国家代码的本地号码所属的国家（ISO 代码，如 CN、US、GB）',
  'verify.opt.json': '在标准输出上输出一个 JSON 文档',
  'verify.examples': `示例：
  $ wallet-help verify "+1 202-555-0199"
  $ wallet-help verify 020 7946 0321 --country GB
  $ wallet-help verify https://examp1e.com/login
  $ wallet-help verify support@example.com --json

退出码：0 官方渠道，4 非官方或仿冒，2 输入不是联系方式。`,
  'verify.official.badge': '✔ 官方渠道',
  'verify.official': '{input} 是 {provider} 的官方联系方式（{queue}）。',
  'verify.website': '官方网站',
  'verify.lookalike.badge': '✘ 仿冒',
  'verify.lookalike': '{input} 不是官方渠道：它在模仿 {provider} 的联系方式 {official}。',
  'verify.lookalike.advice': '不要拨打、回复或在那里登录。骗子常用这种仿冒渠道盗取账户和资金。只使用官方网站公布的联系方式。',
  'verify.unknown.badge': '？非官方',
  'verify.unknown': '{input} 不在目录列出的官方联系方式中。',
  'verify.unknown.country': '{input} 是本地号码；请用 --country 指明国家（例如 --country CN）后再核实。',
  'verify.unknown.advice': '请把它当作未经核实的渠道：不要提供验证码、密码或助记词，只通过官方网站上的联系方式联系客服。',
  'verify.invalid': '“{input}”不是电话号码、邮箱、网址或社交媒体账号。',
  'verify.badCountry': '--country 需要两个字母的国家代码，例如 CN、US 或 GB，而不是“{country}”。',
  'verify.reason.brand-with-extra-words': '它在品牌名前后加了别的词。',
  'verify.reason.edit-distance': '它的名字和官方名字只差一两个字母。',
  'verify.reason.other-tld': '它在别的域名后缀或平台上用了同样的名字。',
  'verify.reason.homoglyph': '它用了看起来和官方一样、实际不同的字符。',
  'verify.reason.punycode': '它把这些字符藏在了 punycode（xn--）里。',
  'verify.reason.subdomain-trick': '官方名字只是地址的一部分，真正的网站是另一个。',
  'verify.reason.similar-number': '这个号码和官方号码很接近，但并不相同。',
  'safety.notice': '官方客服绝不会索要你的密码、助记词、私钥、双重验证（2FA）验证码或远程控制权限，也绝不会要求你转移资金。请只通过这里列出的渠道联系客服，这些渠道公布在 {url}。',
};
