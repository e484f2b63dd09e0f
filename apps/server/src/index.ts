export { loadEnv, type Env } from './env';
export { startServices, serviceOptionsFromEnv, type RunningServices, type ServiceOptions } from './services';
export { startHttp, type HttpOptions, type RunningHttp } from './http/server';
export { appRouter, createCaller, type AppRouter } from './routers/index';
export { createContext, type Services } from './trpc/context';
export { startBoss, runWorker, type BossConfig, type WorkerHandle } from './jobs/pgboss-queue';
export { problemTypes } from './jobs/registry';
export { createRepositories, openDatabase, type Repositories } from './data';
