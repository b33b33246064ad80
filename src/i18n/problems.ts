/**
 * Problem catalogues: the messages of the data-file validators (flows, the
 * support directory, service hours, answers files, settings values) in English
 * and Simplified Chinese. `problemsZh` must have every key of `problemsEn` (the
 * compiler checks), and a test checks that placeholders match.
 *
 * `what.*` and `found.*` entries are noun phrases that fill the `{what}` and
 * `{found}` slots of whole sentences; a parameter can itself be a message
 * reference (`{ key, params }`), translated into the same language, or a list
 * (`{ list }`), joined the way the language does.
 */
import type { Lang } from '../engine/types.js';
import { fill } from './i18n.js';

export const problemsEn = {
  // the wrong value found, for "… not {found}"
  'found.nothing': 'nothing',
  'found.list': 'a list',
  'found.mapping': 'a mapping',
  'found.emptyText': 'an empty text',
  'found.text': 'the text "{text}"',
  'found.number': 'the number {value}',
  'found.value': 'the value {value}',

  // shapes (the Checker)
  'check.notMapping': '{what} must be a mapping (key: value pairs), not {found}',
  'check.unknownKey': 'unknown key "{key}" in {what}; allowed keys: {allowed}',
  'check.missingKey': '{what} is missing "{key}"',
  'check.notText': '{what} must be a non-empty text, not {found}',
  'check.badId': '{what} "{value}" must use lowercase letters, digits and single dashes (like "record-status")',
  'check.notOneOf': '{what} must be one of {allowed}, not {found}',
  'check.notInteger': '{what} must be a whole number of at least {min}, not {found}',
  'check.notList': '{what} must be a list, not {found}',
  'check.tooFew.one': '{what} needs at least {min} entry',
  'check.tooFew.other': '{what} needs at least {min} entries',
  'check.missingEn': '{what} is missing its English text ("en:")',
  'check.missingZh': '{what} is missing its Chinese text ("zh:")',
  'what.inLang': '{what} ({lang})',
  'what.entry': '{what}, entry {n}',

  // reading files
  'file.missing': 'no such file',
  'file.cannotRead': 'cannot read the file: {reason}',
  'file.cannotReadParen': 'cannot read the file ({reason})',
  'folder.cannotRead': 'cannot read the folder: {reason}',
  'path.missing': 'no such file or folder',
  'path.cannotRead': 'cannot read it ({reason})',
  'reason.unknown': 'unknown error',
  'file.tooLarge': 'file is {size}, larger than the {max} allowed for a data file; split it or remove what is not needed',
  'file.notUtf8': 'file is not valid UTF-8 text; save it as UTF-8',
  'yaml.unreadable': 'could not read the file as YAML: {detail}',
  // The yaml library's own syntax error, passed through as it is.
  'yaml.syntax': '{detail}',
  'yaml.alias': 'YAML aliases (*name) are not allowed in this file; write the value out in full',
  'yaml.duplicateKey': 'this key appears twice in the same mapping; keep one',

  // flow files: what is being checked
  'what.flowFile': 'a flow file',
  'what.flowId': 'the flow id',
  'what.version': 'version',
  'what.flowTitle': 'the flow title',
  'what.flowDescription': 'the flow description',
  'what.start': 'start',
  'what.questions': 'questions',
  'what.questionId': 'a question id',
  'what.question': 'question "{id}"',
  'what.questionText': 'the text of question "{id}"',
  'what.questionAgent': 'the agent wording of question "{id}"',
  'what.questionAnswers': 'the answers of question "{id}"',
  'what.questionAnswer': 'an answer of question "{id}"',
  'what.answerValue': 'an answer value',
  'what.answerLabel': 'the label of answer "{value}"',
  'what.answerNext': 'where answer "{value}" leads ("next")',
  'what.outcomes': 'outcomes',
  'what.outcomeId': 'an outcome id',
  'what.outcome': 'outcome "{id}"',
  'what.outcomeKind': 'the kind of outcome "{id}"',
  'what.outcomeTitle': 'the title of outcome "{id}"',
  'what.outcomeSteps': 'the steps of outcome "{id}"',
  'what.outcomeQueue': 'the queue of outcome "{id}"',
  'what.outcomePrepare': 'what to prepare for outcome "{id}"',
  'what.tests': 'tests',
  'what.test': 'test {n}',
  'what.testName': 'the name of test {n}',
  'what.testAnswers': 'the answers of test {n}',
  'what.testAnswer': 'the answer to "{question}"',
  'what.testExpect': 'the expected outcome of test {n}',

  // flow files: problems
  'flow.idMismatch': 'the flow id "{id}" must match its file name "{expected}.yaml"; rename one of them',
  'flow.idUsed': 'flow id "{id}" is already used by {other}',
  'flow.nodeBoth': '"{id}" is both a question and an outcome; node ids must be unique',
  'flow.startUnknown': 'start names "{id}", which is neither a question nor an outcome of this flow',
  'flow.nextUnknown': 'answer "{value}" leads to "{next}", which is neither a question nor an outcome of this flow',
  'flow.answerTwice': 'answer value "{value}" appears twice in question "{id}"',
  'flow.sharedAnswers': '"{id}" is a shared question: its answers must be exactly {values}, so scripts can rely on them',
  'flow.noOutcome': 'a flow needs at least one outcome',
  'flow.fixQueue': 'outcome "{id}" is a fix, which the user solves alone: remove its queue, or make it an escalate outcome',
  'flow.fixPrepare': 'outcome "{id}" is a fix: "prepare" is only for escalate and alert outcomes',
  'flow.alertNeedsQueue': 'outcome "{id}" is an alert and needs the support queue it goes to: queue: {queues}',
  'flow.escalationNeedsQueue': 'outcome "{id}" is an escalation and needs the support queue it goes to: queue: {queues}',
  'flow.loop': 'answer "{value}" leads back to "{next}", making a loop ({loop}); every path must end in an outcome',
  'flow.questionUnreachable': 'question "{id}" cannot be reached from start "{start}"; link an answer to it or remove it',
  'flow.outcomeUnreachable': 'outcome "{id}" cannot be reached from start "{start}"; link an answer to it or remove it',
  'flow.testUnknownQuestion': 'test "{name}" answers "{question}", which is not a question of this flow',
  'flow.testBadValue': 'test "{name}" answers "{question}" with "{value}"; allowed: {allowed}',
  'flow.testUnknownOutcome': 'test "{name}" expects "{expect}", which is not an outcome of this flow',

  // directory files: what is being checked
  'what.directoryFile': 'a directory file',
  'what.providers': 'providers',
  'what.provider': 'a provider',
  'what.providerId': 'the provider id',
  'what.providerName': 'the provider name',
  'what.website': 'the official website',
  'what.queues': 'queues',
  'what.queueChannels': 'the channels of queue "{queue}"',
  'what.channel': 'a channel',
  'what.channelType': 'the channel type',
  'what.channelValue': 'the channel value',
  'what.hours': 'the service hours',
  'what.response': 'the response time note',
  'what.cost': 'the cost note',
  'what.languages': 'languages',
  'what.language': 'a language',
  'what.exceptions': 'exceptions',
  'what.exception': 'an exception',
  'what.exceptionHours': 'the hours of the exception ("off" when closed)',
  'what.timezone': 'the time zone',

  // directory files: problems
  'dir.providerTwice': 'provider id "{id}" is used twice; give each provider its own id',
  'dir.exampleBool': 'example must be true or false',
  'dir.unknownQueue': 'unknown queue "{queue}"; queues are {queues}',
  'dir.serviceHours': 'service hours: {problem}',
  'dir.exceptionHours': 'exception hours: {problem}',
  'dir.languageTag': 'language "{language}" must be a language tag such as en, zh or zh-HK',
  'dir.badDate': 'the date must be a calendar date written YYYY-MM-DD, such as 2026-10-01',
  'dir.dateTwice': '{date} has two exceptions; keep one',
  'dir.unknownZone': 'unknown time zone "{zone}"; use an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York',
  'dir.urlFormat': '{what} must be a full web address such as https://www.example.com/support',
  'dir.urlHttps': '{what} must use https://, so users can trust the page they check the contacts on',

  // service hours notation
  'hours.holiday': '"{word}" (holidays) is not supported in weekly hours: list holiday dates as exceptions instead',
  'hours.unknownDay': 'unknown day "{word}": use Mo, Tu, We, Th, Fr, Sa or Su',
  'hours.expectedTime': 'expected a time (HH:MM, e.g. 09:00) but found "{found}"',
  'hours.expectedTime.end': 'expected a time (HH:MM, e.g. 09:00) but found the end of the rule',
  'hours.malformedTime': 'malformed time "{token}": write times as HH:MM with two digits each, e.g. 09:00',
  'hours.hourRange': 'hour {hour} in "{token}" is out of range: hours go from 00 to 24',
  'hours.minuteRange': 'minutes {minutes} in "{token}" are out of range: minutes go from 00 to 59',
  'hours.pastDay': '"{token}" is past the end of the day: the latest time is 24:00',
  'hours.start24': 'a range cannot start at 24:00: start it at 00:00 instead',
  'hours.expectedDash': 'expected "-" after {start} but found "{found}": write a range as HH:MM-HH:MM, e.g. 09:00-18:00',
  'hours.expectedDash.end': 'expected "-" after {start} but found nothing: write a range as HH:MM-HH:MM, e.g. 09:00-18:00',
  'hours.zeroMidnight': 'range 00:00-00:00 has zero length: for a whole day write 00:00-24:00',
  'hours.zero': 'range {range} has zero length: the end must differ from the start (for a whole day write 00:00-24:00)',
  'hours.afterTimes':
    'unexpected "{found}" after the times: separate time ranges with "," and rules with ";", e.g. Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-14:00',
  'hours.dayAfterComma': 'expected a day after "," but found "{found}": use Mo, Tu, We, Th, Fr, Sa or Su',
  'hours.dayAfterComma.end': 'expected a day after "," but found nothing: use Mo, Tu, We, Th, Fr, Sa or Su',
  'hours.dayAfterDash': 'expected a day after "{word}-" but found "{found}": write a day range as e.g. Mo-Fr',
  'hours.dayAfterDash.end': 'expected a day after "{word}-" but found nothing: write a day range as e.g. Mo-Fr',
  'hours.after247': 'unexpected "{found}" after 24/7: 24/7 takes no days or times',
  'hours.ruleStart': 'unexpected "{found}": a rule starts with days, e.g. Mo-Fr 09:00-18:00',
  'hours.noTimes': '"{days}" has no times: add hours such as "{days} 09:00-18:00", or write "{days} off"',
  'hours.afterOff': 'unexpected "{found}" after "{word}": "{word}" takes no times',
  'hours.dayNotTimes': 'expected times after "{days}" but found the day "{word}": separate days with ",", e.g. Mo,Tu 09:00-18:00',
  'hours.timesOrOff': 'expected times (HH:MM-HH:MM) or "off" after "{days}" but found "{word}": write e.g. {days} 09:00-18:00',
  'hours.overlap': '{later} overlaps {earlier}: opening hours must not overlap; merge them into one range or fix the times',
  'hours.item.day': '{range} on {day}',
  'hours.item.overnight': 'the overnight range {owner} {range} (running until {end} on {day})',
  'hours.emptyWeekly': 'no opening hours given: write e.g. Mo-Fr 09:00-18:00, or 24/7',
  'hours.emptyRule': 'empty rule: remove the extra ";" (rules are separated by a single ";")',
  'hours.emptyDay': 'no hours given: write e.g. 10:00-14:00, or "closed" for a day without service',
  'hours.unexpectedWord': 'unexpected "{word}": write times such as 10:00-14:00,15:00-17:00, or "closed"',

  // settings values (completing "the setting … {reason}")
  'config.notText': 'must be a non-empty text',
  'config.notOneOf': 'must be one of {values}',
  'config.badId': 'must use lowercase letters, digits and dashes',
  'config.tooLong': 'is too long',
} as const;

export type ProblemKey = keyof typeof problemsEn;

export const problemsZh: Record<ProblemKey, string> = {
  'found.nothing': '空值',
  'found.list': '列表',
  'found.mapping': '映射',
  'found.emptyText': '空文本',
  'found.text': '文本“{text}”',
  'found.number': '数字 {value}',
  'found.value': '值 {value}',

  'check.notMapping': '{what}必须是映射（key: value 键值对），而不是{found}',
  'check.unknownKey': '{what}中有未知的键“{key}”；允许的键：{allowed}',
  'check.missingKey': '{what}缺少“{key}”',
  'check.notText': '{what}必须是非空文本，而不是{found}',
  'check.badId': '{what}“{value}”只能使用小写字母、数字和单个短横线（例如“record-status”）',
  'check.notOneOf': '{what}必须是 {allowed} 之一，而不是{found}',
  'check.notInteger': '{what}必须是不小于 {min} 的整数，而不是{found}',
  'check.notList': '{what}必须是列表，而不是{found}',
  'check.tooFew.one': '{what}至少需要 {min} 项',
  'check.tooFew.other': '{what}至少需要 {min} 项',
  'check.missingEn': '{what}缺少英文文本（"en:"）',
  'check.missingZh': '{what}缺少中文文本（"zh:"）',
  'what.inLang': '{what}（{lang}）',
  'what.entry': '{what}第 {n} 项',

  'file.missing': '文件不存在',
  'file.cannotRead': '无法读取该文件：{reason}',
  'file.cannotReadParen': '无法读取该文件（{reason}）',
  'folder.cannotRead': '无法读取该文件夹：{reason}',
  'path.missing': '文件或文件夹不存在',
  'path.cannotRead': '无法读取（{reason}）',
  'reason.unknown': '未知错误',
  'file.tooLarge': '文件大小为 {size}，超过了数据文件允许的 {max}；请拆分文件，或删去不需要的内容',
  'file.notUtf8': '文件不是有效的 UTF-8 文本；请以 UTF-8 编码保存',
  'yaml.unreadable': '无法按 YAML 读取该文件：{detail}',
  'yaml.syntax': '无法按 YAML 读取该文件：{detail}',
  'yaml.alias': '此文件中不允许使用 YAML 别名（*name）；请把值完整写出',
  'yaml.duplicateKey': '同一个映射中这个键出现了两次；请只保留一个',

  'what.flowFile': '流程文件',
  'what.flowId': '流程编号（id）',
  'what.version': '版本号（version）',
  'what.flowTitle': '流程标题',
  'what.flowDescription': '流程描述',
  'what.start': '起点（start）',
  'what.questions': '问题（questions）',
  'what.questionId': '问题编号',
  'what.question': '问题“{id}”',
  'what.questionText': '问题“{id}”的文本',
  'what.questionAgent': '问题“{id}”的客服话术',
  'what.questionAnswers': '问题“{id}”的回答（answers）',
  'what.questionAnswer': '问题“{id}”的一个回答',
  'what.answerValue': '回答的取值',
  'what.answerLabel': '回答“{value}”的标签',
  'what.answerNext': '回答“{value}”的去向（next）',
  'what.outcomes': '结果（outcomes）',
  'what.outcomeId': '结果编号',
  'what.outcome': '结果“{id}”',
  'what.outcomeKind': '结果“{id}”的类型（kind）',
  'what.outcomeTitle': '结果“{id}”的标题',
  'what.outcomeSteps': '结果“{id}”的步骤',
  'what.outcomeQueue': '结果“{id}”的客服团队（queue）',
  'what.outcomePrepare': '结果“{id}”的准备事项（prepare）',
  'what.tests': '测试（tests）',
  'what.test': '第 {n} 个测试',
  'what.testName': '第 {n} 个测试的名称',
  'what.testAnswers': '第 {n} 个测试的回答',
  'what.testAnswer': '对“{question}”的回答',
  'what.testExpect': '第 {n} 个测试的预期结果',

  'flow.idMismatch': '流程编号“{id}”必须与文件名“{expected}.yaml”一致；请修改其中之一',
  'flow.idUsed': '流程编号“{id}”已被 {other} 使用',
  'flow.nodeBoth': '“{id}”既是问题又是结果；节点编号不能重复',
  'flow.startUnknown': 'start 指定的“{id}”既不是本流程的问题，也不是本流程的结果',
  'flow.nextUnknown': '回答“{value}”指向“{next}”，但它既不是本流程的问题，也不是本流程的结果',
  'flow.answerTwice': '取值“{value}”在问题“{id}”中出现了两次',
  'flow.sharedAnswers': '“{id}”是共用问题：它的回答取值必须恰好是 {values}，脚本才能依赖这些取值',
  'flow.noOutcome': '流程至少需要一个结果',
  'flow.fixQueue': '结果“{id}”是 fix，由用户自行解决：请删除它的 queue，或把它改为 escalate 结果',
  'flow.fixPrepare': '结果“{id}”是 fix：只有 escalate 和 alert 结果才能写 prepare',
  'flow.alertNeedsQueue': '结果“{id}”是 alert，需要写明转交的客服团队：queue: {queues}',
  'flow.escalationNeedsQueue': '结果“{id}”是 escalate，需要写明转交的客服团队：queue: {queues}',
  'flow.loop': '回答“{value}”又回到了“{next}”，形成循环（{loop}）；每条路径都必须以结果结束',
  'flow.questionUnreachable': '从起点“{start}”无法到达问题“{id}”；请让某个回答指向它，或删除它',
  'flow.outcomeUnreachable': '从起点“{start}”无法到达结果“{id}”；请让某个回答指向它，或删除它',
  'flow.testUnknownQuestion': '测试“{name}”回答了“{question}”，但本流程没有这个问题',
  'flow.testBadValue': '测试“{name}”给“{question}”的回答是“{value}”；可用的取值：{allowed}',
  'flow.testUnknownOutcome': '测试“{name}”预期的结果“{expect}”不是本流程的结果',

  'what.directoryFile': '目录文件',
  'what.providers': '服务商（providers）',
  'what.provider': '服务商',
  'what.providerId': '服务商编号（id）',
  'what.providerName': '服务商名称',
  'what.website': '官方网站',
  'what.queues': '客服团队（queues）',
  'what.queueChannels': '客服团队“{queue}”的联系渠道',
  'what.channel': '联系渠道',
  'what.channelType': '渠道类型',
  'what.channelValue': '渠道的联系方式（value）',
  'what.hours': '服务时间',
  'what.response': '响应时间说明',
  'what.cost': '费用说明',
  'what.languages': '语言（languages）',
  'what.language': '语言',
  'what.exceptions': '例外日期（exceptions）',
  'what.exception': '一条例外日期',
  'what.exceptionHours': '例外日期的服务时间（不营业时写 "off"）',
  'what.timezone': '时区',

  'dir.providerTwice': '服务商编号“{id}”用了两次；请给每个服务商各自的编号',
  'dir.exampleBool': 'example 只能是 true 或 false',
  'dir.unknownQueue': '未知的客服团队“{queue}”；可用的客服团队：{queues}',
  'dir.serviceHours': '服务时间：{problem}',
  'dir.exceptionHours': '例外日期的服务时间：{problem}',
  'dir.languageTag': '语言“{language}”必须是语言标签，例如 en、zh 或 zh-HK',
  'dir.badDate': '日期必须是 YYYY-MM-DD 格式的有效日期，例如 2026-10-01',
  'dir.dateTwice': '日期 {date} 出现在两条例外日期中；请只保留一条',
  'dir.unknownZone': '未知的时区“{zone}”；请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin 或 America/New_York',
  'dir.urlFormat': '{what}必须是完整的网址，例如 https://www.example.com/support',
  'dir.urlHttps': '{what}必须使用 https://，用户才能信任用来核对联系方式的页面',

  'hours.holiday': '每周服务时间中不支持“{word}”（节假日）：请把节假日的日期写在例外日期（exceptions）中',
  'hours.unknownDay': '未知的星期“{word}”：请使用 Mo、Tu、We、Th、Fr、Sa 或 Su',
  'hours.expectedTime': '这里应为时间（HH:MM，例如 09:00），却是“{found}”',
  'hours.expectedTime.end': '这里应为时间（HH:MM，例如 09:00），但规则已经结束',
  'hours.malformedTime': '时间“{token}”格式不对：请写成 HH:MM，时和分各两位数字，例如 09:00',
  'hours.hourRange': '“{token}”中的小时 {hour} 超出范围：小时应在 00 到 24 之间',
  'hours.minuteRange': '“{token}”中的分钟 {minutes} 超出范围：分钟应在 00 到 59 之间',
  'hours.pastDay': '“{token}”超过了一天的结束：最晚的时间是 24:00',
  'hours.start24': '时段不能从 24:00 开始：请改为从 00:00 开始',
  'hours.expectedDash': '{start} 后面应为 "-"，却是“{found}”：时段请写成 HH:MM-HH:MM，例如 09:00-18:00',
  'hours.expectedDash.end': '{start} 后面应为 "-"，但后面没有内容：时段请写成 HH:MM-HH:MM，例如 09:00-18:00',
  'hours.zeroMidnight': '时段 00:00-00:00 的长度为零：全天请写 00:00-24:00',
  'hours.zero': '时段 {range} 的长度为零：结束时间必须与开始时间不同（全天请写 00:00-24:00）',
  'hours.afterTimes': '时间后面多了“{found}”：时段之间用 "," 分隔，规则之间用 ";" 分隔，例如 Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-14:00',
  'hours.dayAfterComma': '"," 后面应为星期，却是“{found}”：请使用 Mo、Tu、We、Th、Fr、Sa 或 Su',
  'hours.dayAfterComma.end': '"," 后面应为星期，但后面没有内容：请使用 Mo、Tu、We、Th、Fr、Sa 或 Su',
  'hours.dayAfterDash': '“{word}-”后面应为星期，却是“{found}”：星期范围请写成 Mo-Fr 这样的形式',
  'hours.dayAfterDash.end': '“{word}-”后面应为星期，但后面没有内容：星期范围请写成 Mo-Fr 这样的形式',
  'hours.after247': '24/7 后面多了“{found}”：24/7 不能再跟星期或时间',
  'hours.ruleStart': '此处不应出现“{found}”：规则应以星期开头，例如 Mo-Fr 09:00-18:00',
  'hours.noTimes': '“{days}”没有写时间：请加上时间，例如“{days} 09:00-18:00”，或写“{days} off”',
  'hours.afterOff': '“{word}”后面多了“{found}”：“{word}”不能再跟时间',
  'hours.dayNotTimes': '“{days}”后面应为时间，却是星期“{word}”：多个星期之间用 "," 分隔，例如 Mo,Tu 09:00-18:00',
  'hours.timesOrOff': '“{days}”后面应为时间（HH:MM-HH:MM）或 "off"，却是“{word}”：例如写成 {days} 09:00-18:00',
  'hours.overlap': '{later} 与 {earlier} 重叠：服务时段不能重叠；请合并为一个时段，或修正时间',
  'hours.item.day': '{day} {range}',
  'hours.item.overnight': '跨夜时段 {owner} {range}（持续到 {day} {end}）',
  'hours.emptyWeekly': '没有填写服务时间：例如写 Mo-Fr 09:00-18:00，或 24/7',
  'hours.emptyRule': '空规则：请删去多余的 ";"（规则之间只用一个 ";" 分隔）',
  'hours.emptyDay': '没有填写时间：例如写 10:00-14:00；当天不营业请写 "closed"',
  'hours.unexpectedWord': '此处不应出现“{word}”：请写时间，例如 10:00-14:00,15:00-17:00，或写 "closed"',

  'config.notText': '必须是非空文本',
  'config.notOneOf': '必须是 {values} 之一',
  'config.badId': '只能使用小写字母、数字和短横线',
  'config.tooLong': '太长',
};

export type { ProblemList, ProblemParam, ProblemParams, ProblemRef } from './problem-ref.js';
export { list, ref } from './problem-ref.js';
import type { ProblemParam, ProblemParams } from './problem-ref.js';

export type ProblemTranslate = (key: ProblemKey, params?: ProblemParams) => string;

const catalogues: Record<Lang, Record<ProblemKey, string>> = { en: problemsEn, zh: problemsZh };
const LIST_SEPARATORS: Record<Lang, string> = { en: ', ', zh: '、' };

/** A translator for problem messages; `{name}` placeholders are filled from `params`, references and lists translated first. */
export function problemTranslator(lang: Lang): ProblemTranslate {
  const catalogue = catalogues[lang];
  const word = (param: ProblemParam): string | number => {
    if (typeof param !== 'object') return param;
    return 'list' in param ? param.list.join(LIST_SEPARATORS[lang]) : translate(param.key, param.params);
  };
  const translate: ProblemTranslate = (key, params) => {
    if (!params) return catalogue[key];
    const words: Record<string, string | number> = {};
    for (const [name, param] of Object.entries(params)) words[name] = word(param);
    return fill(catalogue[key], words);
  };
  return translate;
}
