import type { DataDirLockedError } from '../db/client.js'
import type { ConfigError } from './config.js'

/**
 * Everything the person running the bot reads in the terminal or the log: start-up, shutdown and
 * why it would not start. Chinese first (the operators are Chinese), English after it for the
 * search engine and the developer. Users' text lives in the Fluent files instead.
 */

/** Chinese for the config schema's English problems (config.ts), matched on the English. */
const configProblems: [RegExp, string][] = [
  [/^must be a full URL$/, '必须是完整的网址'],
  [/^must be a whole number from (\d+) to (\d+)$/, '必须是 $1 到 $2 之间的整数'],
  [/^must look like 123456789:AA… \(the token @BotFather gives\)$/, '应当形如 123456789:AA…（@BotFather 给的令牌）'],
  [/^must be 1–256 characters of A-Z, a-z, 0-9, _ and -$/, '必须是 1–256 个字符，只能用 A-Z、a-z、0-9、_ 和 -'],
  [/^must be a port number \(0 = any free port\)$/, '必须是端口号（0 表示任选一个空闲端口）'],
  [/^must be a comma-separated list of numeric Telegram user ids$/, '必须是用英文逗号分隔的 Telegram 数字用户 id'],
  [/^must be a time such as 09:00$/, '必须是 09:00 这样的时间'],
  [/^is required when WEBHOOK_URL is set$/, '设置了 WEBHOOK_URL 时必须填写'],
  [/^Invalid option: expected one of (.+)$/, '必须是以下之一：$1'],
  [/^is webhook, which needs WEBHOOK_URL$/, '是 webhook，需要同时设置 WEBHOOK_URL'],
  [
    /^is (polling|none) but WEBHOOK_URL is set: unset WEBHOOK_URL, or set UPDATES_MODE=webhook$/,
    '是 $1，但设置了 WEBHOOK_URL：请去掉 WEBHOOK_URL，或设为 UPDATES_MODE=webhook',
  ],
  [/^is none, which needs BOT_TOKEN \(local mode always takes its updates\)$/, '是 none，需要 BOT_TOKEN（本地模式总是自己接收消息）'],
]

export function configProblemInChinese(problem: string): string {
  for (const [pattern, chinese] of configProblems) if (pattern.test(problem)) return problem.replace(pattern, chinese)
  return '取值无效'
}

export const operatorMessages = {
  configError: (error: ConfigError) =>
    `暖新助手无法启动：环境变量 ${error.variable} ${configProblemInChinese(error.problem)}。\n${error.message}`,
  dataDirLocked: (error: DataDirLockedError) =>
    `暖新助手无法启动：${error.dataDir} 里的数据库正被另一个进程（pid ${error.owner}）使用。` +
    `请先停止那个进程，或把 DATA_DIR 设为另一个文件夹；如果并没有这样的进程在运行，请删除 ${error.lockDir}。\n${error.message}`,
  couldNotStart: (reason: string) => `暖新助手无法启动：${reason}\n暖新助手 could not start: ${reason}`,
  localModeBanner: (url: string) =>
    `\n  暖新助手本地模式：请在浏览器里打开 ${url}（不需要 Telegram 令牌）。\n  暖新助手 local mode: open ${url} in your browser (no Telegram token needed).\n`,
  databaseReady: '数据库已就绪 / database ready',
  sampleStationsLoaded: '空数据库已载入示例驿站 / loaded the sample stations into the empty database',
  botReady: '机器人已就绪 / bot ready',
  webhookMode: '以 webhook 方式接收消息 / webhook mode',
  longPolling: '以长轮询方式接收消息 / long polling',
  localMode: '本地模式已启动 / local mode',
  noUpdates:
    '不接收消息（UPDATES_MODE=none），只发送发件箱、运行定时任务 / taking no updates (UPDATES_MODE=none): sending the outbox and running jobs only',
  pollingConflict:
    '另一个进程正在用这个令牌长轮询（409 Conflict），本实例停止。只让一个实例长轮询，其它实例设 UPDATES_MODE=none 或用 webhook / ' +
    "another process takes this bot's updates (409 Conflict): stopping. Run one poller; set UPDATES_MODE=none on the other instances",
  pollingFailed: '长轮询彻底失败，本实例停止 / long polling failed for good: stopping',
  stopping: '正在停止：先处理完正在处理的消息 / stopping: finishing updates in flight',
  stopped: '已停止 / stopped',
  stopFailed: '停止时出错 / could not stop cleanly',
}
