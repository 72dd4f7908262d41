import { defaultCategories, defaultTags } from '@shared/model/default-codebook.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import type { Project } from '@shared/model/types.ts';
import { db } from './db.ts';
import { forgetIndex } from './search-index.ts';

export async function createProject(name: string): Promise<Project> {
  const clean = name.trim();
  if (!clean) throw new Error('A project needs a name.');
  const now = nowIso();
  const project: Project = { id: newId(), name: clean, createdAt: now, updatedAt: now, categories: defaultCategories() };
  await db.transaction('rw', db.projects, db.tags, async () => {
    await db.projects.add(project);
    await db.tags.bulkAdd(defaultTags(project.id, newId, now));
  });
  return project;
}

export async function renameProject(id: string, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean) throw new Error('A project needs a name.');
  await db.projects.update(id, { name: clean, updatedAt: nowIso() });
}

export async function touchProject(id: string): Promise<void> {
  await db.projects.update(id, { updatedAt: nowIso() });
}

/** Deletes a project and everything in it, in one transaction. */
export async function deleteProject(id: string): Promise<void> {
  await db.transaction('rw', [db.projects, db.articles, db.articleTexts, db.tags, db.annotations, db.relations, db.actors, db.searchSegments], async () => {
    const articleIds = await db.articles.where('projectId').equals(id).primaryKeys();
    await db.articleTexts.bulkDelete(articleIds);
    await db.articles.where('projectId').equals(id).delete();
    await db.annotations.where('projectId').equals(id).delete();
    await db.relations.where('projectId').equals(id).delete();
    await db.tags.where('projectId').equals(id).delete();
    await db.actors.where('projectId').equals(id).delete();
    await db.searchSegments.where('projectId').equals(id).delete();
    await db.projects.delete(id);
  });
  forgetIndex(id);
}

export function listProjects(): Promise<Project[]> {
  return db.projects.orderBy('updatedAt').reverse().toArray();
}

/** The projects, newest first, each with its article count read from the projectId index (no record is loaded). */
export async function listProjectsWithCounts(): Promise<{ project: Project; articles: number }[]> {
  return db.transaction('r', [db.projects, db.articles], async () => {
    const projects = await listProjects();
    const counts = await Promise.all(projects.map((p) => db.articles.where('projectId').equals(p.id).count()));
    return projects.map((project, i) => ({ project, articles: counts[i] ?? 0 }));
  });
}
